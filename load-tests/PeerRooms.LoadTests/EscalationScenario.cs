using System.Net;
using PeerRooms.Client;

namespace PeerRooms.LoadTests;

/// <summary>
/// escalation: time from a risky message in a room to the alert on the crisis console
/// (<c>/hubs/crisis</c>). The crisis hub is a separate feature; on a server without it the scenario
/// reports "not available on this server" instead of failing.
/// </summary>
public static class EscalationScenario
{
    public const string NotAvailable = "not available on this server: /hubs/crisis is not served (the crisis console has not landed on this build)";

    public static async Task<ScenarioResult> RunAsync(ILoadTarget target, LoadOptions o, CancellationToken ct)
    {
        var available = target is PeerRoomsTarget peer && await CrisisHubServedAsync(peer, ct);
        var result = new ScenarioResult
        {
            Target = target.Name,
            Scenario = o.Scenario,
            Protocol = o.Protocol,
            Connections = 0,
            Nodes = target.Nodes,
            Note = target is PeerRoomsTarget ? NotAvailable : "the bare hub has no crisis console",
        };
        if (!available) return result;
        // The hub answered, but this generator does not speak its protocol yet; say so rather than guess.
        return result with { Note = "/hubs/crisis is served, but this load generator does not implement its protocol yet" };
    }

    /// <summary>Whether the node serves the crisis hub: its negotiate endpoint answers anything but 404.</summary>
    private static async Task<bool> CrisisHubServedAsync(PeerRoomsTarget target, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var node = target.FirstNode;
        var token = await PeerRoomsDevTokens.RequestAsync(http, node, "load-crisis-probe", ["crisis-staff"], ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, Core.Contracts.HubPaths.Crisis + "/negotiate?negotiateVersion=1"));
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        return response.StatusCode != HttpStatusCode.NotFound;
    }
}
