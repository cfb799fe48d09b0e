using PeerRooms.Core.Video;

namespace PeerRooms.Server.State;

/// <summary>
/// Video sessions for a single node. Every operation runs under one lock, so the mesh cap
/// (<see cref="VideoPublishingRules"/>) cannot be overshot by concurrent calls.
/// </summary>
public sealed class InMemoryVideoSessionStore : IVideoSessionStore
{
    private readonly Dictionary<string, Dictionary<string, VideoMember>> _rooms = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<VideoStoreJoin> JoinAsync(string roomId, VideoMember candidate, int maxVideoPublishers, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomId, out var room)) _rooms[roomId] = room = new(StringComparer.Ordinal);
            var isNew = !room.TryGetValue(candidate.UserId, out var member);
            if (isNew) room[candidate.UserId] = member = VideoPublishingRules.Admit(candidate, room.Values, maxVideoPublishers);
            return Task.FromResult(new VideoStoreJoin(member!, room.Values.ToArray(), isNew));
        }
    }

    public Task<VideoMember?> LeaveAsync(string roomId, string userId, string? onlyParticipantId = null, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomId, out var room) || !room.TryGetValue(userId, out var left)) return Task.FromResult<VideoMember?>(null);
            if (onlyParticipantId is not null && left.ParticipantId != onlyParticipantId) return Task.FromResult<VideoMember?>(null);
            room.Remove(userId);
            if (room.Count == 0) _rooms.Remove(roomId);
            return Task.FromResult<VideoMember?>(left);
        }
    }

    public Task<VideoMember?> GetAsync(string roomId, string userId, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_rooms.TryGetValue(roomId, out var room) ? room.GetValueOrDefault(userId) : null);
    }

    public Task<IReadOnlyList<VideoMember>> MembersAsync(string roomId, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<VideoMember>>(_rooms.TryGetValue(roomId, out var room) ? room.Values.ToArray() : []);
    }

    public Task<VideoStoreChange?> SetPublishingAsync(string roomId, string userId, bool? audio, bool? video, int maxVideoPublishers, CancellationToken ct = default)
        => Change(roomId, userId, (me, all) => VideoPublishingRules.Publish(me, all, audio, video, maxVideoPublishers));

    public Task<VideoStoreChange?> SetSpotlightAsync(string roomId, string userId, bool on, bool mayPublishVideo, int maxVideoPublishers, CancellationToken ct = default)
        => Change(roomId, userId, (me, all) => VideoPublishingRules.Spotlight(me, all, on, mayPublishVideo, maxVideoPublishers));

    private Task<VideoStoreChange?> Change(string roomId, string userId, Func<VideoMember, IReadOnlyCollection<VideoMember>, VideoStoreChange> rule)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomId, out var room) || !room.TryGetValue(userId, out var me)) return Task.FromResult<VideoStoreChange?>(null);
            var change = rule(me, room.Values);
            room[userId] = change.Member;
            foreach (var d in change.Demoted) room[d.UserId] = d;
            return Task.FromResult<VideoStoreChange?>(change);
        }
    }
}
