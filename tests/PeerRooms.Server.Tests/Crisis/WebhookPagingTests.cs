using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Crisis;

/// <summary>Webhook tiers: signed, retried until the receiver recovers (inside the call, then by the outbox), accepted once, minimum necessary content.</summary>
public class WebhookPagingTests
{
    private const string Secret = "webhook-secret-for-tests-0123456789";

    [Theory]
    [InlineData("peerrooms")]
    [InlineData("pagerduty")]
    public async Task A_receiver_that_fails_then_recovers_gets_the_page_once_with_a_valid_signature(string format)
    {
        // Five failures outlast the in-call retries (1 + 3), so the outbox retries too.
        await using var receiver = new WebhookReceiver(failures: 5);
        await receiver.StartAsync();
        using var server = new PeerRoomsServer(new Dictionary<string, string?>
        {
            ["PeerRooms:Escalation:Tiers:0:Name"] = "pager",
            ["PeerRooms:Escalation:Tiers:0:Target"] = "Webhook",
            ["PeerRooms:Escalation:Tiers:0:WebhookUrl"] = receiver.Url,
            ["PeerRooms:Escalation:Tiers:0:AckTimeout"] = "00:05:00",
            ["PeerRooms:Escalation:WebhookSecret"] = Secret,
            ["PeerRooms:Escalation:WebhookFormat"] = format,
            ["PeerRooms:Escalation:PagerDutyRoutingKey"] = "routing-key-1",
        });
        var room = await server.CreateRoomAsync();
        await using var alice = await server.ConnectAsync(Ids.User(), HubProtocol.Json);
        await alice.JoinAsync(room, "Alice");
        var sent = await alice.SendAsync(room, CrisisKit.Imminent);
        var accepted = await receiver.WaitForAsync(r => r.Status == 200, TimeSpan.FromSeconds(30));

        var cases = await (await server.ConnectStaffAsync(Ids.User("staff"), HubProtocol.Json)).InvokeAsync<CaseView[]>("GetOpenCases").WaitAsync(Timeouts.Default);
        var caseId = Assert.Single(cases, c => c.RoomId == room).CaseId;
        Assert.Equal($"{caseId}:0:1", accepted.DedupKey);

        // Work the case to resolution: the receiver hears acknowledge and resolve after the page.
        await using var staff = await server.ConnectStaffAsync(Ids.User("staff"), HubProtocol.Json);
        await staff.InvokeAsync<CaseView>("ClaimCase", caseId).WaitAsync(Timeouts.Default);
        await staff.InvokeAsync<CaseView>("AcknowledgeCase", caseId).WaitAsync(Timeouts.Default);
        await staff.InvokeAsync<CaseView>("ResolveCase", new ResolveCaseRequest { CaseId = caseId, Outcome = "supported_in_room" }).WaitAsync(Timeouts.Default);
        await receiver.WaitForAsync(r => r.DedupKey == $"{caseId}:0:resolve" && r.Status == 200, TimeSpan.FromSeconds(15));
        await receiver.WaitForAsync(r => r.DedupKey == $"{caseId}:0:acknowledge" && r.Status == 200, TimeSpan.FromSeconds(15));

        var pages = receiver.Requests.Where(r => r.DedupKey == accepted.DedupKey).OrderBy(r => r.Number).ToArray();
        Assert.Equal(6, pages.Length);
        Assert.Single(pages, r => r.Status == 200);
        Assert.Equal(200, pages[^1].Status);
        foreach (var request in receiver.Requests)
        {
            Assert.True(SignatureIsValid(request), $"bad signature on request {request.Number}");
            Assert.DoesNotContain("Alice", request.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("kill myself", request.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(sent.MessageId, request.Body, StringComparison.Ordinal);
        }
        using var json = JsonDocument.Parse(accepted.Body);
        if (format == "pagerduty")
        {
            Assert.Equal("trigger", json.RootElement.GetProperty("event_action").GetString());
            Assert.Equal(caseId, json.RootElement.GetProperty("dedup_key").GetString());
            Assert.Equal("critical", json.RootElement.GetProperty("payload").GetProperty("severity").GetString());
            Assert.Equal("routing-key-1", json.RootElement.GetProperty("routing_key").GetString());
        }
        else
        {
            Assert.Equal("trigger", json.RootElement.GetProperty("event").GetString());
            Assert.Equal("imminent", json.RootElement.GetProperty("severity").GetString());
            Assert.False(json.RootElement.TryGetProperty("text", out _));
        }
    }

    private static bool SignatureIsValid(WebhookReceiver.Received request)
    {
        var parts = (request.Signature ?? "").Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)) return false;
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(t)) > 300) return false;
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{t}.{request.Body}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(v1));
    }
}
