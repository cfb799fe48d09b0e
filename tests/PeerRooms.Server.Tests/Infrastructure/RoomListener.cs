using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Hubs;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// A participant in ANOTHER room who must hear nothing of the room under test. It subscribes to
/// every event <see cref="IRoomClient"/> declares (found by reflection, so events other features add
/// are covered automatically) and records them all. At the end of a test,
/// <see cref="AssertReceivedNothingAsync"/> sends a marker in its own room, waits for it to come back
/// (so anything wrongly sent to it earlier has arrived), and fails if any recorded event mentions the
/// room under test or any string registered with <see cref="MustNotSee"/> (participant ids, texts).
/// <code>
/// await using var listener = await RoomListener.StartAsync(Server, protocol, room);
/// ... the test ...
/// listener.MustNotSee(joined.ParticipantId, "secret text");
/// await listener.AssertReceivedNothingAsync();
/// </code>
/// </summary>
public sealed class RoomListener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly string _roomUnderTest;
    private readonly List<string> _secrets = [];
    private readonly List<(string Event, object? Payload)> _received = [];
    private readonly EventStream<MessageView> _ownMessages;

    private RoomListener(HubConnection connection, string roomUnderTest, string ownRoom)
    {
        _connection = connection;
        _roomUnderTest = roomUnderTest;
        OwnRoom = ownRoom;
        foreach (var method in typeof(IRoomClient).GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            var types = method.GetParameters().Select(p => p.ParameterType).ToArray();
            var name = method.Name;
            connection.On(name, types, (args, _) =>
            {
                lock (_received) _received.Add((name, args.Length == 1 ? args[0] : args));
                return Task.CompletedTask;
            }, this);
        }
        _ownMessages = connection.Record<MessageView>(RoomEvents.MessageReceived);
    }

    /// <summary>The listener's own room (not the one under test).</summary>
    public string OwnRoom { get; }

    /// <summary>Every event received so far, with its wire name.</summary>
    public IReadOnlyList<(string Event, object? Payload)> Received { get { lock (_received) return [.. _received]; } }

    public static async Task<RoomListener> StartAsync(PeerRoomsServer server, HubProtocol protocol, string roomUnderTest)
    {
        var ownRoom = await server.CreateRoomAsync("Listener's room");
        var connection = await server.ConnectAsync(Ids.User("listener"), protocol);
        var listener = new RoomListener(connection, roomUnderTest, ownRoom);
        await connection.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest { RoomId = ownRoom, DisplayName = "Listener" })
            .WaitAsync(Timeouts.Default);
        return listener;
    }

    /// <summary>Strings that must never reach the listener (ids, message texts of the room under test).</summary>
    public RoomListener MustNotSee(params string[] secrets)
    {
        lock (_secrets) _secrets.AddRange(secrets.Where(s => !string.IsNullOrEmpty(s)));
        return this;
    }

    public async Task AssertReceivedNothingAsync()
    {
        var marker = await _connection.InvokeAsync<SendMessageResponse>("SendMessage",
            new SendMessageRequest { RoomId = OwnRoom, ClientMessageId = Ids.Message(), Text = "listener marker" }).WaitAsync(Timeouts.Default);
        await _ownMessages.NextAsync(m => m.MessageId == marker.MessageId);
        string[] forbidden;
        lock (_secrets) forbidden = [_roomUnderTest, .. _secrets];
        foreach (var (name, payload) in Received)
        {
            var json = JsonSerializer.Serialize(payload);
            foreach (var secret in forbidden)
                Assert.False(json.Contains(secret, StringComparison.Ordinal), $"listener in another room received {name} mentioning '{secret}': {json}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _ownMessages.Dispose();
        await _connection.DisposeAsync();
    }
}
