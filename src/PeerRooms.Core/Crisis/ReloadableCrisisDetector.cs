namespace PeerRooms.Core.Crisis;

/// <summary>
/// The detector the host registers: delegates to an immutable <see cref="LexiconScanner"/> snapshot
/// and can swap in a new one built from the loader's current files without a restart.
/// </summary>
/// <remarks>
/// Guarantees: a scan always runs entirely on one snapshot (old or new, never a mix); a reload
/// that fails (bad file) throws and leaves the current snapshot serving; reloads are serialised
/// so two concurrent ones cannot interleave.
/// </remarks>
public sealed class ReloadableCrisisDetector : ICrisisDetector
{
    private readonly CrisisLexiconLoader _loader;
    private readonly Lock _reloadLock = new();
    private LexiconScanner _current;

    /// <summary>Loads and compiles the lexicons now; throws if they are invalid, so start-up fails loudly.</summary>
    public ReloadableCrisisDetector(CrisisLexiconLoader loader)
    {
        _loader = loader;
        _current = new LexiconScanner(loader.Load());
    }

    /// <summary>The snapshot currently serving scans.</summary>
    public LexiconScanner Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public CrisisScanResult Scan(string text, string? language = null) => Current.Scan(text, language);

    /// <summary>
    /// Re-reads the embedded defaults and the organisation directory, compiles a new snapshot and
    /// publishes it atomically. Returns the new snapshot.
    /// </summary>
    /// <exception cref="FormatException">A lexicon file is invalid; the previous snapshot stays in use.</exception>
    public LexiconScanner Reload()
    {
        lock (_reloadLock)
        {
            var next = new LexiconScanner(_loader.Load());
            Volatile.Write(ref _current, next);
            return next;
        }
    }
}
