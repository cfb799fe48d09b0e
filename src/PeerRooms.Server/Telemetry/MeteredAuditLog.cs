using PeerRooms.Core.Moderation;

namespace PeerRooms.Server.Telemetry;

/// <summary>
/// Counts every moderation action where it is recorded: each audit entry is one
/// <c>peerrooms.moderation.actions{kind}</c>, and session and lobby transitions move the session and
/// lobby gauges. Decorating the audit log means no moderation code path can forget its metric.
/// The audit row is written before the action applies, so an action a concurrent change then
/// refused is still counted (rare; the audit log has the same property).
/// </summary>
public sealed class MeteredAuditLog(IAuditLog inner, PeerRoomsMetrics metrics) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await inner.AppendAsync(entry, ct);
        metrics.ModerationAction(entry.Action);
        switch (entry.Action)
        {
            case AuditActions.SessionStarted: metrics.SessionStarted(); break;
            case AuditActions.SessionEnded: metrics.SessionEnded(); break;
            case AuditActions.SentToLobby: metrics.ParticipantEnteredLobby(); break;
            case AuditActions.Admitted or AuditActions.Denied: metrics.ParticipantLeftLobby(); break;
        }
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string? roomId, int limit, CancellationToken ct = default)
        => inner.ListAsync(roomId, limit, ct);
}
