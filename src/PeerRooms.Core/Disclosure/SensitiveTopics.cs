using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Disclosure;

/// <summary>
/// Content-warning topics. A sender marks a message with some of them; it reaches everyone flagged,
/// and each client collapses it (always, or when the viewer chose to collapse that topic).
/// </summary>
public static class SensitiveTopics
{
    public const string SelfHarm = "self-harm";
    public const string Suicide = "suicide";
    public const string SubstanceUse = "substance-use";
    public const string Trauma = "trauma";
    public const string Abuse = "abuse";
    public const string Eating = "eating";
    public const string Grief = "grief";

    public static IReadOnlyList<string> All { get; } = [SelfHarm, Suicide, SubstanceUse, Trauma, Abuse, Eating, Grief];

    /// <summary>Distinct known topics in catalogue order; <c>invalid_argument</c> for an unknown one.</summary>
    public static IReadOnlyList<string> Validate(IEnumerable<string?>? topics, string field)
    {
        if (topics is null) return [];
        var given = topics.ToList();
        if (given.Count > 2 * All.Count) throw PeerRoomsException.Invalid($"{field} has too many entries");
        foreach (var t in given)
        {
            if (t is null || !All.Contains(t))
                throw PeerRoomsException.Invalid($"{field} must be among {string.Join(", ", All)}");
        }
        return All.Where(given.Contains).ToArray();
    }
}
