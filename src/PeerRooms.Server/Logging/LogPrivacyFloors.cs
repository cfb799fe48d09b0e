namespace PeerRooms.Server.Logging;

/// <summary>
/// Framework log categories that write what PeerRooms promises never to log, and the lowest level
/// they may log at, whatever the configuration says. At Debug and Trace, SignalR logs each hub
/// invocation with its arguments (message text, display names, attribute values); at Information,
/// hosting logs request lines with query strings (browsers send <c>?access_token=</c> on WebSocket
/// upgrades). Applied after configuration (PostConfigure), to every provider's rules, so turning
/// "Default" up to Trace for a diagnosis cannot turn these on.
/// </summary>
public static class LogPrivacyFloors
{
    public static IReadOnlyList<(string Category, LogLevel Floor)> Floors { get; } =
    [
        ("Microsoft.AspNetCore.SignalR", LogLevel.Information),
        ("Microsoft.AspNetCore.Http.Connections", LogLevel.Information),
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning),
        ("Microsoft.AspNetCore.HttpLogging", LogLevel.Warning),
        ("Microsoft.AspNetCore.Authentication", LogLevel.Information),
        ("Microsoft.IdentityModel", LogLevel.Warning),
    ];

    public static void Apply(LoggerFilterOptions options)
    {
        var rules = options.Rules;
        // Raise any rule that would let one of these categories (or a sub-category) log lower.
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.CategoryName is not { } name) continue;
            foreach (var (category, floor) in Floors)
            {
                if (name.StartsWith(category, StringComparison.OrdinalIgnoreCase) && (rule.LogLevel ?? LogLevel.Trace) < floor)
                    rules[i] = rule = new LoggerFilterRule(rule.ProviderName, name, floor, rule.Filter);
            }
        }
        // A rule per provider for each category, so a provider-specific "Default: Trace" cannot win either.
        var providers = rules.Select(r => r.ProviderName).Append(null).Distinct().ToList();
        foreach (var provider in providers)
        {
            foreach (var (category, floor) in Floors)
            {
                if (!rules.Any(r => r.ProviderName == provider && string.Equals(r.CategoryName, category, StringComparison.OrdinalIgnoreCase)))
                    rules.Add(new LoggerFilterRule(provider, category, floor, null));
            }
        }
    }
}
