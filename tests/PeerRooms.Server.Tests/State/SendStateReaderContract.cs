using PeerRooms.Core.Chat;
using PeerRooms.Core.Disclosure;
using PeerRooms.Core.Live;
using PeerRooms.Core.Moderation;

namespace PeerRooms.Server.Tests.State;

/// <summary>The stores a <see cref="ISendStateReader"/> reads, sharing one backend, and the reader.</summary>
public sealed record SendStateStores(IPresenceStore Presence, IHistoryStore History, IModerationStore Moderation, ISendStateReader Reader);

/// <summary>
/// What every <see cref="ISendStateReader"/> must do: give exactly what the presence, history and
/// moderation stores' own reads give, fresh on every call (a change on any node shows in the next read).
/// Written once and run against the in-memory and the Redis implementation.
/// </summary>
public abstract class SendStateReaderContract
{
    protected abstract SendStateStores CreateStores();

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    private static string Room() => "r" + Guid.NewGuid().ToString("N")[..12];

    private static Participant P(string user, string status = ParticipantStatus.InRoom) => new()
    {
        ParticipantId = "p_" + user, UserId = user, DisplayName = "Name " + user, JoinedAt = T0, Status = status,
        Attributes = new ValueList<PersonalAttribute>([new PersonalAttribute { Kind = AttributeKinds.Pronouns, Value = "they/them", Audience = AttributeAudience.Everyone }]),
    };

    private static ChatMessage M(string clientId, string sender) => new()
    {
        MessageId = "m_" + Guid.NewGuid().ToString("N")[..10], ClientMessageId = clientId, SenderUserId = sender,
        SenderParticipantId = "p_" + sender, SenderDisplayName = "Name " + sender, Text = "hello", SentAt = T0,
    };

    [Fact]
    public async Task An_unknown_sender_in_an_untouched_room_reads_as_absent_with_the_empty_state()
    {
        var stores = CreateStores();
        var state = await stores.Reader.ReadAsync(Room(), "u1", "c1");
        Assert.Null(state.Sender);
        Assert.Null(state.Original);
        Assert.Equal(SessionStatus.Idle, state.Moderation.Session);
        Assert.Empty(state.Moderation.Mutes);
    }

    [Fact]
    public async Task It_reads_what_each_store_reads()
    {
        var stores = CreateStores();
        var room = Room();
        await stores.Presence.JoinAsync(room, P("u1"), new ConnectionRef("c1", "node-a"), 10);
        await stores.Presence.JoinAsync(room, P("u2", ParticipantStatus.Lobby), new ConnectionRef("c2", "node-a"), 10);
        var appended = await stores.History.AppendAsync(room, M("client-1", "u1"), 10);
        await stores.Moderation.UpdateAsync(room, s => s with
        {
            Session = SessionStatus.Open, SessionStartedAt = T0, SlowModeSeconds = 30, Mutes = s.Mutes.With("u1", T0.AddMinutes(5)),
        });

        var state = await stores.Reader.ReadAsync(room, "u1", "client-1");
        Assert.Equal(await stores.Presence.GetAsync(room, "u1"), state.Sender);
        Assert.Equal(appended.Receipt, state.Original);
        Assert.Equal(await stores.History.FindAsync(room, "u1", "client-1"), state.Original);
        Assert.Equal(SessionStatus.Open, state.Moderation.Session);
        Assert.Equal(T0, state.Moderation.SessionStartedAt);
        Assert.Equal(30, state.Moderation.SlowModeSeconds);
        Assert.Equal(T0.AddMinutes(5), state.Moderation.Mutes["u1"]);
        Assert.True(state.Moderation.IsChatMuted("u1", T0));

        var lobby = await stores.Reader.ReadAsync(room, "u2", "client-1");
        Assert.Equal(ParticipantStatus.Lobby, lobby.Sender!.Status);
        Assert.Null(lobby.Original); // the client message id is the other sender's
        Assert.Null((await stores.Reader.ReadAsync(room, "u1", "client-2")).Original);
        var otherRoom = await stores.Reader.ReadAsync(Room(), "u1", "client-1");
        Assert.Null(otherRoom.Sender);
        Assert.Null(otherRoom.Original);
        Assert.Equal(SessionStatus.Idle, otherRoom.Moderation.Session);
    }

    [Fact]
    public async Task Every_read_sees_the_latest_change()
    {
        var stores = CreateStores();
        var room = Room();
        await stores.Presence.JoinAsync(room, P("u1"), new ConnectionRef("c1", "node-a"), 10);
        await stores.Moderation.UpdateAsync(room, s => s with { Session = SessionStatus.Open });
        var before = await stores.Reader.ReadAsync(room, "u1", "client-1");
        Assert.False(before.Moderation.IsChatMuted("u1", T0));
        Assert.Null(before.Original);

        await stores.Moderation.UpdateAsync(room, s => s with { Mutes = s.Mutes.With("u1", (DateTimeOffset?)null) });
        var muted = await stores.Reader.ReadAsync(room, "u1", "client-1");
        Assert.True(muted.Moderation.IsChatMuted("u1", T0));

        await stores.Moderation.UpdateAsync(room, s => s with { Session = SessionStatus.Paused });
        Assert.Equal(SessionStatus.Paused, (await stores.Reader.ReadAsync(room, "u1", "client-1")).Moderation.Session);

        var stored = await stores.History.AppendAsync(room, M("client-1", "u1"), 10);
        Assert.Equal(stored.Receipt, (await stores.Reader.ReadAsync(room, "u1", "client-1")).Original);

        await stores.Presence.UpdateAsync(room, "u1", p => p with { Status = ParticipantStatus.Lobby });
        Assert.Equal(ParticipantStatus.Lobby, (await stores.Reader.ReadAsync(room, "u1", "client-1")).Sender!.Status);

        await stores.Presence.RemoveAsync(room, "u1");
        Assert.Null((await stores.Reader.ReadAsync(room, "u1", "client-1")).Sender);

        await stores.Moderation.ClearAsync(room);
        await stores.History.ClearAsync(room);
        var cleared = await stores.Reader.ReadAsync(room, "u1", "client-1");
        Assert.Equal(SessionStatus.Idle, cleared.Moderation.Session);
        Assert.Null(cleared.Original);
    }
}
