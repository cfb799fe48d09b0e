using Microsoft.Extensions.Options;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Crisis;

/// <summary>
/// The crisis resources card per language, from <c>PeerRooms:Crisis:Resources</c>, with built-in
/// defaults for languages the organisation did not configure (en and es: the US 988 Lifeline; ar:
/// a generic entry the organisation is expected to replace with its local line).
/// </summary>
public sealed class CrisisResourcesCatalog(IOptions<CrisisOptions> options)
{
    private static readonly Dictionary<string, CrisisResourceView[]> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] =
        [
            new() { Name = "988 Suicide & Crisis Lifeline", Description = "Free, confidential support 24/7. Call or text 988.", Phone = "988", Sms = "988", Url = "https://988lifeline.org" },
            new() { Name = "Emergency services", Description = "If you are in immediate danger, call 911 or your local emergency number.", Phone = "911" },
        ],
        ["es"] =
        [
            new() { Name = "988 Línea de Prevención del Suicidio y Crisis (español)", Description = "Apoyo gratuito y confidencial 24/7. Llama al 988 y marca 2, o envía AYUDA al 988.", Phone = "988", Sms = "988", Url = "https://988lifeline.org/es" },
            new() { Name = "Servicios de emergencia", Description = "Si estás en peligro inmediato, llama al 911 o al número de emergencias local.", Phone = "911" },
        ],
        ["ar"] =
        [
            new() { Name = "خدمات الطوارئ", Description = "إذا كنت في خطر فوري، اتصل برقم الطوارئ المحلي. يمكن لفريق الدعم مساعدتك الآن." },
        ],
    };

    /// <summary>The card for <paramref name="language"/> (primary subtag), falling back to English.</summary>
    public (string Language, IReadOnlyList<CrisisResourceView> Resources) For(string? language)
    {
        var primary = (language ?? "en").Split('-')[0];
        return Lookup(primary) is { } found ? (primary, found) : ("en", Lookup("en") ?? []);
    }

    private IReadOnlyList<CrisisResourceView>? Lookup(string language)
    {
        if (options.Value.Resources.TryGetValue(language, out var configured) && configured.Count > 0)
        {
            return [.. configured.Select(r => new CrisisResourceView { Name = r.Name, Description = r.Description, Phone = r.Phone, Sms = r.Sms, Url = r.Url })];
        }
        return Defaults.TryGetValue(language, out var builtIn) ? builtIn : null;
    }
}
