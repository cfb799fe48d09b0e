using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace PeerRooms.Server.Telemetry;

/// <summary>
/// The "PeerRooms" ActivitySource: one activity per hub invocation (started by
/// <see cref="Filters.HubTelemetryFilter"/>) and one per escalation step. Tags carry method names,
/// room ids, case ids, severities and error codes; never message text, display names or user ids.
/// Activities cost nothing unless a listener (the OpenTelemetry tracer, when an OTLP endpoint is
/// configured) samples them.
/// </summary>
public static class PeerRoomsActivities
{
    public const string SourceName = "PeerRooms";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>A server span for one hub call: <c>RoomHub/SendMessage</c>.</summary>
    public static Activity? StartHubInvocation(string hub, string method, string? roomId)
    {
        var activity = Source.StartActivity($"{hub}/{method}", ActivityKind.Server);
        if (activity is null) return null;
        activity.SetTag("rpc.system", "signalr");
        activity.SetTag("rpc.service", hub);
        activity.SetTag("rpc.method", method);
        if (roomId is not null) activity.SetTag("peerrooms.room_id", roomId);
        return activity;
    }

    /// <summary>
    /// A span for one step of an escalation case (<c>detect</c>, <c>page</c>, <c>claim</c>, <c>acknowledge</c>,
    /// <c>resolve</c>, <c>retry</c>...). Every span of a case, on any node, belongs to the same trace:
    /// the trace id is derived from the case id, and the span's parent is a virtual "case" span derived
    /// from it too, so a tracing backend shows the whole case across nodes without any context having
    /// to travel through Redis or the database. Only the case id and severity are tagged.
    /// </summary>
    /// <example><code>
    /// using var activity = PeerRoomsActivities.StartEscalationStep(caseId, "page", severity);
    /// </code></example>
    public static Activity? StartEscalationStep(string caseId, string step, string severity, ActivityKind kind = ActivityKind.Internal)
    {
        // Linked to whatever was current (e.g. the hub call whose message triggered detection).
        IEnumerable<ActivityLink>? links = Activity.Current is { } current ? [new ActivityLink(current.Context)] : null;
        var activity = Source.StartActivity($"escalation {step}", kind, EscalationContext(caseId), tags: null, links: links);
        if (activity is null) return null;
        activity.SetTag("peerrooms.escalation.case_id", caseId);
        activity.SetTag("peerrooms.escalation.step", MetricLabels.Safe(step));
        activity.SetTag("peerrooms.escalation.severity", MetricLabels.Safe(severity));
        return activity;
    }

    /// <summary>The deterministic parent context of a case's spans (same on every node).</summary>
    public static ActivityContext EscalationContext(string caseId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("peerrooms-escalation:" + caseId), hash);
        var traceId = ActivityTraceId.CreateFromBytes(hash[..16]);
        var spanId = ActivitySpanId.CreateFromBytes(hash.Slice(16, 8));
        return new ActivityContext(traceId, spanId, ActivityTraceFlags.Recorded, isRemote: true);
    }

    /// <summary>Marks an activity failed with a catalogue code (no message text).</summary>
    public static void SetError(this Activity activity, string code)
    {
        activity.SetTag("peerrooms.error_code", code);
        activity.SetStatus(ActivityStatusCode.Error, code);
    }
}
