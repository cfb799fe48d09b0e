using System.Globalization;
using System.Text.RegularExpressions;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Disclosure;

/// <summary>
/// Validates the attributes a participant wants to share. Everything is checked before anything is
/// stored; a refused set (<c>invalid_argument</c>) leaves the previous one in place. Free-text
/// values are refused when they look like contact details, for the same reason as pseudonyms.
/// </summary>
public static partial class PersonalAttributeRules
{
    public const int MaxAttributes = 12;
    public const int MaxIdentityTags = 8;
    public const int MaxValueLength = 40;

    /// <summary>A validated, normalised copy of <paramref name="input"/> (null means none).</summary>
    public static IReadOnlyList<PersonalAttribute> Validate(IEnumerable<(string? Kind, string? Value, string? Audience)>? input, DateTimeOffset now)
    {
        var list = input?.ToList() ?? [];
        if (list.Count > MaxAttributes) throw PeerRoomsException.Invalid($"at most {MaxAttributes} attributes");
        var result = new List<PersonalAttribute>(list.Count);
        foreach (var (kind, rawValue, audience) in list)
        {
            if (kind is null || !AttributeKinds.All.Contains(kind))
                throw PeerRoomsException.Invalid($"attribute kind must be one of {string.Join(", ", AttributeKinds.All)}");
            if (audience is null || !AttributeAudience.All.Contains(audience))
                throw PeerRoomsException.Invalid($"attribute audience must be one of {string.Join(", ", AttributeAudience.All)}");
            var value = rawValue?.Trim() ?? "";
            if (value.Length == 0 || value.Length > MaxValueLength)
                throw PeerRoomsException.Invalid($"{kind} must be 1-{MaxValueLength} characters");
            InputRules.RequireWellFormed(value, kind);
            value = kind switch
            {
                AttributeKinds.PreferredLanguage => RequireLanguageTag(value),
                AttributeKinds.InRecoverySince => RequirePastDate(value, now),
                _ => RequireNoContactDetails(value, kind),
            };
            if (kind != AttributeKinds.IdentityTag && result.Any(a => a.Kind == kind))
                throw PeerRoomsException.Invalid($"{kind} may be given once");
            if (kind == AttributeKinds.IdentityTag && result.Any(a => a.Kind == kind && string.Equals(a.Value, value, StringComparison.OrdinalIgnoreCase)))
                throw PeerRoomsException.Invalid("identity tags must be different from each other");
            result.Add(new PersonalAttribute { Kind = kind, Value = value, Audience = audience });
        }
        if (result.Count(a => a.Kind == AttributeKinds.IdentityTag) > MaxIdentityTags)
            throw PeerRoomsException.Invalid($"at most {MaxIdentityTags} identity tags");
        return result;
    }

    private static string RequireNoContactDetails(string value, string kind)
    {
        if (DisplayNameRules.DescribeContactDetail(value) is { } what)
            throw PeerRoomsException.Invalid($"{kind} must not contain {what}");
        return value;
    }

    private static string RequireLanguageTag(string value)
    {
        if (!LanguageTag().IsMatch(value)) throw PeerRoomsException.Invalid("preferred-language must be a language tag such as \"es\" or \"ar-EG\"");
        return value;
    }

    private static string RequirePastDate(string value, DateTimeOffset now)
    {
        var formats = new[] { "yyyy-MM-dd", "yyyy-MM" };
        if (!DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 1900)
            throw PeerRoomsException.Invalid("in-recovery-since must be a date as YYYY-MM or YYYY-MM-DD");
        if (date > DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)))
            throw PeerRoomsException.Invalid("in-recovery-since must not be in the future");
        return value;
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
