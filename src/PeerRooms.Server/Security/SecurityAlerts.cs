using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Live;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Security;

/// <summary>
/// Tells a room's facilitators (their SignalR group, so through the backplane on every node) that a
/// participant hit a limit. At most one alert per room, user and limit per window: the abuser
/// cannot turn the alert itself into a flood. Best effort: a failure is logged, never thrown.
/// </summary>
public sealed class SecurityAlerts(
    IHubContext<RoomHub, IRoomClient> hub, IPresenceStore presence, UserRateLimits limits, TimeProvider time, ILogger<SecurityAlerts> logger)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<(string Room, string User, string Limit), DateTimeOffset> _quietUntil = new();

    public async Task RaiseAsync(string roomId, string userId, string limit)
    {
        var now = time.GetUtcNow();
        var (permits, window) = limits.Describe(limit);
        var key = (roomId, userId, limit);
        if (_quietUntil.TryGetValue(key, out var until) && until > now) return;
        _quietUntil[key] = now + window;
        if (_quietUntil.Count > PruneAbove) Prune(now);
        try
        {
            var participant = await presence.GetAsync(roomId, userId);
            if (participant is null) return;
            SecurityLog.AlertRaised(logger, roomId, participant.ParticipantId, limit);
            await hub.Clients.Group(RoomGroups.Facilitators(roomId)).SecurityAlert(new SecurityAlertEvent
            {
                RoomId = roomId,
                ParticipantId = participant.ParticipantId,
                Limit = limit,
                PermitLimit = permits,
                WindowSeconds = (int)window.TotalSeconds,
                At = now,
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SecurityLog.AlertFailed(logger, ex.GetType().Name);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (k, v) in _quietUntil)
            if (v <= now) _quietUntil.TryRemove(new KeyValuePair<(string, string, string), DateTimeOffset>(k, v));
    }
}
