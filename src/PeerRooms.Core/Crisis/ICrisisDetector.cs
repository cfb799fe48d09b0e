namespace PeerRooms.Core.Crisis;

/// <summary>
/// Scans a chat message for crisis risk. Implementations are thread-safe and never throw for any
/// input string: a detector that fails must not stop a message or a meeting.
/// </summary>
public interface ICrisisDetector
{
    /// <summary>
    /// Scans <paramref name="text"/>. <paramref name="language"/> is a BCP 47 tag or primary
    /// subtag ("en", "es-MX", "ar"); null, empty or a language with no lexicon scans with all
    /// loaded lexicons, because a wrongly tagged message must still be caught.
    /// </summary>
    CrisisScanResult Scan(string text, string? language = null);
}
