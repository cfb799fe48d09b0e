using PeerRooms.Core.Chat;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Moderation;

/// <summary>
/// The ports every facilitator service needs, bundled so the services stay small. Also writes the
/// audit row (before the action is applied: an action never happens without its row).
/// </summary>
public sealed class ModerationContext(
    FacilitatorGuard guard,
    IRoomRepository rooms,
    IPresenceStore presence,
    IHistoryStore history,
    IModerationStore store,
    IAuditLog audit,
    IIdGenerator ids,
    TimeProvider time)
{
    public FacilitatorGuard Guard { get; } = guard;
    public IRoomRepository Rooms { get; } = rooms;
    public IPresenceStore Presence { get; } = presence;
    public IHistoryStore History { get; } = history;
    public IModerationStore Store { get; } = store;
    public IIdGenerator Ids { get; } = ids;
    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now => Time.GetUtcNow();

    public Task AuditAsync(FacilitatorContext f, string action, Participant? target = null, string? messageId = null, string? detail = null, CancellationToken ct = default)
        => audit.AppendAsync(new AuditEntry
        {
            Id = Ids.NewId("a_"),
            RoomId = f.Room.Id,
            ActorUserId = f.Actor.UserId,
            Action = action,
            TargetUserId = target?.UserId,
            TargetMessageId = messageId,
            Detail = detail,
            At = Now,
        }, ct);

    /// <summary>The caller's participant record if present in the room (lobby or admitted), else <c>not_member</c>.</summary>
    public async Task<Participant> RequireMemberAsync(string? roomId, Caller caller, CancellationToken ct = default)
        => await Presence.GetAsync(InputRules.RequireId(roomId, "roomId"), caller.UserId, ct)
           ?? throw new Errors.PeerRoomsException(Errors.ErrorCodes.NotMember, "you are not in this room");

    public async Task<Participant> RequireAdmittedAsync(string? roomId, Caller caller, CancellationToken ct = default)
    {
        var p = await RequireMemberAsync(roomId, caller, ct);
        return p.IsAdmitted ? p : throw new Errors.PeerRoomsException(Errors.ErrorCodes.InLobby, "you are waiting in the lobby");
    }

    public async Task<Room> RequireRoomAsync(string roomId, CancellationToken ct = default)
        => await Rooms.GetAsync(roomId, ct) ?? throw Errors.PeerRoomsException.NotFound("room not found");

    /// <summary>Minutes for mutes and timeouts: 0 (mutes only: until lifted) or 1-1440.</summary>
    public static int RequireMinutes(int minutes, bool allowZero)
        => minutes is >= 1 and <= 1440 || (allowZero && minutes == 0) ? minutes
            : throw Errors.PeerRoomsException.Invalid(allowZero ? "minutes must be 0 (until lifted) or 1-1440" : "minutes must be 1-1440");
}
