using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Moderation;

/// <summary>Shorthands for the facilitator-tool tests: joins, sends and a facilitator-led room.</summary>
public static class ModerationKit
{
    /// <summary>A facilitator-led room (the product default): a facilitator must start the session.</summary>
    public static readonly object Led = new { requireFacilitatorToStart = true };

    public static Task<JoinRoomResponse> Join(this HubConnection c, string roomId, string name) => HubCalls.Join(c, roomId, name);

    public static Task<SendMessageResponse> Send(this HubConnection c, string roomId, string text, string? clientId = null) => HubCalls.Send(c, roomId, text, clientId);

    public static Task Call(this HubConnection c, string method, params object?[] args)
        => c.InvokeCoreAsync(method, args).WaitAsync(Timeouts.Default);

    public static Task<T> Call<T>(this HubConnection c, string method, params object?[] args)
        => c.InvokeCoreAsync<T>(method, args).WaitAsync(Timeouts.Default);

    public static Task<RoomStateView> State(this HubConnection c, string roomId) => c.Call<RoomStateView>("GetRoomState", roomId);

    public static Task<MessageView[]> History(this HubConnection c, string roomId) => HubCalls.History(c, roomId);

    /// <summary>
    /// Proves a connection received nothing of <paramref name="roomId"/>: it is also in
    /// <paramref name="otherRoom"/>, where <paramref name="markerSender"/> sends a marker; once the
    /// marker arrived, anything sent to the first room earlier would have too.
    /// </summary>
    public static async Task AssertReceivedNothingOfAsync(EventStream<MessageView> messages, string roomId, HubConnection markerSender, string otherRoom)
    {
        var marker = await markerSender.Send(otherRoom, "marker");
        await messages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.DoesNotContain(messages.Seen, m => m.RoomId == roomId);
    }
}

/// <summary>A facilitator-led room with its facilitator joined and the session started.</summary>
public sealed record LedRoom(string RoomId, string FacilitatorUserId, HubConnection Facilitator, JoinRoomResponse FacilitatorJoin) : IAsyncDisposable
{
    public static async Task<LedRoom> StartAsync(PeerRoomsServer server, HubProtocol protocol, object? policy = null, string[]? coFacilitators = null)
    {
        var facilitatorId = Ids.User("fac");
        var roomId = await server.CreateRoomAsync("Led room", [facilitatorId, .. coFacilitators ?? []], policy ?? ModerationKit.Led);
        var facilitator = await server.ConnectAsync(facilitatorId, protocol, "facilitator");
        var joined = await facilitator.Join(roomId, "Facilitator");
        await facilitator.Call<RoomStateView>("StartSession", roomId);
        return new LedRoom(roomId, facilitatorId, facilitator, joined);
    }

    public ValueTask DisposeAsync() => Facilitator.DisposeAsync();
}
