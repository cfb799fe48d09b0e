namespace PeerRooms.Core.Crisis;

/// <summary>
/// Produces the set of lexicons a detector is built from: the defaults embedded in this assembly
/// (<c>Crisis/Lexicons/*.json</c>) overlaid with every <c>*.json</c> file in an optional
/// organisation directory, in file-name order. An organisation file for a new language adds that
/// language; for an existing one it overlays the defaults (<see cref="CrisisLexicon.Overlay"/>),
/// or replaces them when it says <c>"replace": true</c>.
/// </summary>
/// <remarks>
/// This is the one place in Core that reads files; it does so only when asked to (start-up and
/// <see cref="ReloadableCrisisDetector.Reload"/>), never on the message path.
/// </remarks>
public sealed class CrisisLexiconLoader
{
    private const string ResourcePrefix = "PeerRooms.Core.Crisis.Lexicons.";

    /// <param name="overrideDirectory">Directory of organisation lexicon files; null for defaults only. It need not exist yet.</param>
    public CrisisLexiconLoader(string? overrideDirectory = null)
    {
        OverrideDirectory = overrideDirectory;
    }

    public string? OverrideDirectory { get; }

    /// <summary>Loads defaults plus overrides. Throws <see cref="FormatException"/> naming the bad file.</summary>
    public IReadOnlyList<CrisisLexicon> Load()
    {
        var byLanguage = new SortedDictionary<string, CrisisLexicon>(StringComparer.Ordinal);
        foreach (var lexicon in LoadDefaults())
        {
            byLanguage[lexicon.Language] = lexicon;
        }

        if (OverrideDirectory is not null && Directory.Exists(OverrideDirectory))
        {
            foreach (var path in Directory.GetFiles(OverrideDirectory, "*.json").Order(StringComparer.Ordinal))
            {
                var parsed = LexiconFileParser.Parse(File.ReadAllText(path), path);
                var language = parsed.Lexicon.Language;
                byLanguage[language] = !parsed.ReplacesDefaults && byLanguage.TryGetValue(language, out var existing)
                    ? existing.Overlay(parsed.Lexicon)
                    : parsed.Lexicon;
            }
        }

        return [.. byLanguage.Values];
    }

    /// <summary>The embedded default lexicons (en, es, ar).</summary>
    public static IReadOnlyList<CrisisLexicon> LoadDefaults()
    {
        var assembly = typeof(CrisisLexiconLoader).Assembly;
        var lexicons = new List<CrisisLexicon>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded lexicon '{name}' is missing.");
            using var reader = new StreamReader(stream);
            lexicons.Add(LexiconFileParser.Parse(reader.ReadToEnd(), name).Lexicon);
        }

        if (lexicons.Count == 0)
        {
            throw new InvalidOperationException("No embedded crisis lexicons were found; the build is broken.");
        }

        return lexicons;
    }
}
