namespace PeerRooms.Core.Video;

/// <summary>
/// Who is in each room's video session, held in memory on THIS node only (first step: with several
/// nodes each node knows only the video members connected to it). Every operation on a room is
/// atomic under that room's lock, so the publisher cap cannot be overshot by concurrent calls.
/// </summary>
public sealed class VideoSessionRegistry
{
    private readonly Dictionary<string, Dictionary<string, VideoMember>> _rooms = new();
    private readonly Lock _gate = new();

    public IReadOnlyList<VideoMember> Join(string roomId, VideoMember member)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomId, out var room)) _rooms[roomId] = room = new();
            room.TryAdd(member.UserId, member);
            return room.Values.ToArray();
        }
    }

    public VideoMember? Leave(string roomId, string userId)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomId, out var room) || !room.Remove(userId, out var left)) return null;
            if (room.Count == 0) _rooms.Remove(roomId);
            return left;
        }
    }

    public VideoMember? Get(string roomId, string userId)
    {
        lock (_gate) return _rooms.TryGetValue(roomId, out var room) && room.TryGetValue(userId, out var m) ? m : null;
    }

    public IReadOnlyList<VideoMember> Members(string roomId)
    {
        lock (_gate) return _rooms.TryGetValue(roomId, out var room) ? room.Values.ToArray() : [];
    }

    /// <summary>Sets what a member publishes; video is granted only while fewer than <paramref name="maxVideo"/> others publish video (else audio-only).</summary>
    public VideoMember? SetPublishing(string roomId, string userId, bool audio, bool video, int maxVideo)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomId, out var room) || !room.TryGetValue(userId, out var m)) return null;
            var others = room.Values.Count(o => o.Video && o.UserId != userId);
            var updated = m with { Audio = audio, Video = video && others < maxVideo };
            room[userId] = updated;
            return updated;
        }
    }
}
