namespace PeerRooms.Core.Disclosure;

/// <summary>Who may see one personal attribute. Chosen by the person it describes, changeable at any time.</summary>
public static class AttributeAudience
{
    /// <summary>Every admitted member of the room.</summary>
    public const string Everyone = "everyone";
    /// <summary>Only the room's facilitators.</summary>
    public const string Facilitators = "facilitators";
    /// <summary>No one but the person themselves (kept so their own client can show and edit it).</summary>
    public const string Nobody = "nobody";

    public static IReadOnlyList<string> All { get; } = [Everyone, Facilitators, Nobody];
}

/// <summary>The kinds of personal attribute a participant may share.</summary>
public static class AttributeKinds
{
    /// <summary>e.g. "she/her", "they/them", "él".</summary>
    public const string Pronouns = "pronouns";
    /// <summary>A self-chosen tag, e.g. "LGBTQ+", "veteran", "parent". Several allowed.</summary>
    public const string IdentityTag = "identity-tag";
    /// <summary>A language tag such as "es" or "ar-EG".</summary>
    public const string PreferredLanguage = "preferred-language";
    /// <summary>"YYYY-MM" or "YYYY-MM-DD", not in the future.</summary>
    public const string InRecoverySince = "in-recovery-since";

    public static IReadOnlyList<string> All { get; } = [Pronouns, IdentityTag, PreferredLanguage, InRecoverySince];
}

/// <summary>One thing a participant chose to tell (some of) the room about themselves.</summary>
public sealed record PersonalAttribute
{
    public required string Kind { get; init; }
    public required string Value { get; init; }
    public required string Audience { get; init; }
}

/// <summary>Whose eyes a participant view is made for; decides which attributes it carries.</summary>
public enum AttributeViewer
{
    /// <summary>Another participant who is not a facilitator: <c>everyone</c> attributes only.</summary>
    Participant,
    /// <summary>A facilitator of the room: <c>everyone</c> and <c>facilitators</c> attributes.</summary>
    Facilitator,
    /// <summary>The person themselves: all of their attributes, including <c>nobody</c> ones.</summary>
    Self,
}

public static class AttributeVisibility
{
    /// <summary>
    /// The attributes <paramref name="viewer"/> may see. The single filter every roster entry and
    /// participant event goes through, so a facilitators-only attribute cannot reach a participant.
    /// </summary>
    public static IReadOnlyList<PersonalAttribute> VisibleTo(this IReadOnlyList<PersonalAttribute> attributes, AttributeViewer viewer)
    {
        if (attributes.Count == 0 || viewer == AttributeViewer.Self) return attributes;
        return attributes.Where(a => a.Audience == AttributeAudience.Everyone
            || (viewer == AttributeViewer.Facilitator && a.Audience == AttributeAudience.Facilitators)).ToArray();
    }
}
