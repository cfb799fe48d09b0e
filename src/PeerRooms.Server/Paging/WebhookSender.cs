using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Crisis;
using PeerRooms.Core.Escalation;

namespace PeerRooms.Server.Paging;

/// <summary>
/// Posts a page (or its acknowledge/resolve follow-up) to a webhook tier. Signed: header
/// <c>X-PeerRooms-Signature: t={unix seconds},v1={hex HMAC-SHA256(secret, "{t}.{body}")}</c>, plus
/// <c>X-PeerRooms-Dedup-Key</c> so the receiver can drop repeats (delivery is at least once).
/// Short transient failures are retried inside the call (exponential backoff with jitter, the
/// <see cref="ClientName"/> client's resilience handler); longer outages by the outbox relay.
/// Minimum necessary: no pseudonym or user id, and no message text unless
/// <see cref="PagingOptions.WebhookIncludesText"/>.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<PagingOptions> options, TimeProvider time)
{
    public const string ClientName = "peerrooms-webhooks";
    public const string SignatureHeader = "X-PeerRooms-Signature";
    public const string DedupKeyHeader = "X-PeerRooms-Dedup-Key";

    /// <summary>True when the receiver answered 2xx.</summary>
    public async Task<bool> SendAsync(OutboxItem item, EscalationRecord record, CancellationToken ct)
    {
        var o = options.Value;
        var body = o.WebhookFormat == "pagerduty" ? PagerDutyBody(item, record, o) : PeerRoomsBody(item, record, o);
        var json = JsonSerializer.Serialize(body);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, item.Address) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(SignatureHeader, $"t={timestamp},v1={Sign(o.WebhookSecret ?? "", timestamp, json)}");
        request.Headers.Add(DedupKeyHeader, item.DedupKey);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        return response.IsSuccessStatusCode;
    }

    /// <summary>Hex HMAC-SHA256 of <c>"{timestamp}.{body}"</c>; receivers compute the same and compare in constant time.</summary>
    public static string Sign(string secret, string timestamp, string body)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private static Dictionary<string, object?> PeerRoomsBody(OutboxItem item, EscalationRecord record, PagingOptions o)
    {
        var c = record.Case;
        var body = new Dictionary<string, object?>
        {
            ["dedupKey"] = item.DedupKey,
            ["event"] = item.Event,
            ["caseId"] = c.Id,
            ["roomId"] = c.RoomId,
            ["severity"] = c.Severity.ToWireName(),
            ["categories"] = c.Categories.Select(x => x.ToWireName()).ToArray(),
            ["trigger"] = c.Trigger.ToWireName(),
            ["tier"] = item.TierName,
            ["attempt"] = item.Attempt,
            ["createdAt"] = c.CreatedAt,
        };
        if (o.WebhookIncludesText && item.Event == "trigger" && record.Message is { } m) body["text"] = m.Text;
        return body;
    }

    private static Dictionary<string, object?> PagerDutyBody(OutboxItem item, EscalationRecord record, PagingOptions o)
    {
        var c = record.Case;
        var body = new Dictionary<string, object?>
        {
            ["routing_key"] = o.PagerDutyRoutingKey,
            ["event_action"] = item.Event,
            ["dedup_key"] = c.Id,
        };
        if (item.Event != "trigger") return body;
        var details = new Dictionary<string, object?>
        {
            ["caseId"] = c.Id,
            ["roomId"] = c.RoomId,
            ["severity"] = c.Severity.ToWireName(),
            ["categories"] = c.Categories.Select(x => x.ToWireName()).ToArray(),
            ["tier"] = item.TierName,
            ["attempt"] = item.Attempt,
            ["pageKey"] = item.DedupKey,
        };
        if (o.WebhookIncludesText && record.Message is { } m) details["text"] = m.Text;
        body["payload"] = new Dictionary<string, object?>
        {
            ["summary"] = $"PeerRooms crisis case {c.Id}: {c.Severity.ToWireName()} risk",
            ["source"] = "peerrooms",
            ["severity"] = c.Severity switch { CrisisSeverity.Imminent => "critical", CrisisSeverity.High => "error", _ => "warning" },
            ["custom_details"] = details,
        };
        return body;
    }
}
