using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Moderation;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// Share timers. Clients count down to the end time themselves; this only sends the gentle notice
/// (ShareTimerEnded) when it runs out. The node that gave the floor schedules it with the injected
/// <see cref="TimeProvider"/>; when it fires, <see cref="FloorService.CompleteShareTimerAsync"/>
/// claims the end atomically in shared state, so the notice goes out once across all nodes even if
/// several scheduled it, and never for a timer that was replaced or cleared. If the scheduling node
/// dies first, no notice is sent (clients still show the end time).
/// </summary>
public sealed class ShareTimers(FloorService floor, IHubContext<RoomHub, IRoomClient> hub, TimeProvider time, ILogger<ShareTimers> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, ITimer> _timers = new(StringComparer.Ordinal);

    public void Schedule(string roomId, FloorState? state)
    {
        if (state is not { EndsAt: { } endsAt, TimerEnded: false }) return;
        if (_timers.ContainsKey(state.TimerId)) return;
        var due = endsAt - time.GetUtcNow();
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        var timer = time.CreateTimer(_ => _ = FireAsync(roomId, state.TimerId), null, due, Timeout.InfiniteTimeSpan);
        if (!_timers.TryAdd(state.TimerId, timer)) timer.Dispose();
    }

    private async Task FireAsync(string roomId, string timerId)
    {
        try
        {
            if (_timers.TryRemove(timerId, out var timer)) await timer.DisposeAsync();
            var end = await floor.CompleteShareTimerAsync(roomId, timerId);
            if (end is null) return;
            await hub.Clients.Group(RoomGroups.Members(roomId)).ShareTimerEnded(new ShareTimerEndedEvent
            {
                RoomId = roomId, ParticipantId = end.Floor.ParticipantId, EndedAt = end.EndedAt,
            });
            ModerationLog.ShareTimerAnnounced(logger, timerId, roomId);
        }
        catch (Exception ex)
        {
            ModerationLog.ShareTimerFailed(logger, timerId, roomId, ex.GetType().Name);
        }
    }

    public void Dispose()
    {
        foreach (var timer in _timers.Values) timer.Dispose();
        _timers.Clear();
    }
}
