using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Filters;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Moderation;

/// <summary>
/// Every facilitator method, called by a participant of the room and by a facilitator of another
/// room (who joined this one as a participant), is refused with <c>forbidden</c> and changes nothing.
/// The list is checked against the hub's [FacilitatorOnly] methods, so a new one cannot skip it.
/// </summary>
public class AuthorizationMatrixTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    /// <summary>Arguments for each facilitator method (room id first), aimed at a real participant and message.</summary>
    private static Dictionary<string, object?[]> Calls(string room, string target, string messageId) => new()
    {
        ["StartSession"] = [room],
        ["EndSession"] = [room],
        ["HandOverLead"] = [room, target],
        ["PromoteCoFacilitator"] = [room, target],
        ["DemoteCoFacilitator"] = [room, target],
        ["GetLobby"] = [room],
        ["Admit"] = [room, target],
        ["AdmitAll"] = [room],
        ["Deny"] = [room, target],
        ["SendToLobby"] = [room, target],
        ["LockRoom"] = [room, false],
        ["UnlockRoom"] = [room],
        ["MuteParticipant"] = [room, target, 0],
        ["UnmuteParticipant"] = [room, target],
        ["MuteEveryone"] = [room, 0],
        ["UnmuteEveryone"] = [room],
        ["SetSlowMode"] = [room, 30],
        ["DeleteMessage"] = [room, messageId],
        ["PinMessage"] = [room, messageId],
        ["UnpinMessage"] = [room],
        ["RemoveParticipant"] = [room, target],
        ["TimeoutParticipant"] = [room, target, 5],
        ["BanParticipant"] = [room, target, true],
        ["RequestMediaOff"] = [room, target, "mic"],
        ["ForceMediaOff"] = [room, target, "mic"],
        ["AllowMedia"] = [room, target, "mic"],
        ["LowerHandOf"] = [room, target],
        ["GiveFloor"] = [room, "", 60],
        ["ClearFloor"] = [room],
        ["LowerAllHands"] = [room],
        ["RemoveFromVideo"] = [room, target],
        ["SetVideoSpotlight"] = [room, target, true],
    };

    [Fact]
    public void The_matrix_covers_every_facilitator_only_hub_method()
    {
        var marked = typeof(RoomHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(FacilitatorOnlyFilter.IsFacilitatorOnly).Select(m => m.Name).Order().ToArray();
        Assert.Equal(Calls("r", "p", "m").Keys.Order().ToArray(), marked);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Participants_and_facilitators_of_other_rooms_are_refused_and_nothing_changes(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        var otherFacilitatorId = Ids.User("fac");
        var otherRoom = await Server.CreateRoomAsync("Their own room", [otherFacilitatorId], ModerationKit.Led);
        await using var target = await Server.ConnectAsync(Ids.User(), protocol);
        await using var participant = await Server.ConnectAsync(Ids.User(), protocol);
        await using var otherFacilitator = await Server.ConnectAsync(otherFacilitatorId, protocol, "facilitator");
        Assert.Equal("facilitator", (await otherFacilitator.Join(otherRoom, "Other facilitator")).Role);
        Assert.Equal("participant", (await otherFacilitator.Join(room, "Visitor")).Role);
        var t = await target.Join(room, "Target");
        await participant.Join(room, "Participant");

        // Some state worth protecting: a message, a pin, a raised hand.
        var message = await target.Send(room, "a message");
        await led.Facilitator.Call<RoomStateView>("PinMessage", room, message.MessageId);
        await target.Call<RoomStateView>("RaiseHand", room);
        var before = await SnapshotAsync(led.Facilitator, room);
        var auditBefore = await AuditCountAsync(room);

        var calls = Calls(room, t.ParticipantId, message.MessageId);
        foreach (var caller in new[] { participant, otherFacilitator })
        {
            foreach (var (method, args) in calls)
            {
                var ex = await Assert.ThrowsAsync<HubException>(() => caller.InvokeCoreAsync(method, args).WaitAsync(Timeouts.Default));
                Assert.True(HubErrorMessages.TryParseCode(ex.Message) == ErrorCodes.Forbidden, $"{method}: {ex.Message}");
            }
            Assert.Equal(HubConnectionState.Connected, caller.State);
        }

        Assert.Equal(before, await SnapshotAsync(led.Facilitator, room));
        Assert.Equal(auditBefore, await AuditCountAsync(room));
        await target.Send(room, "still free to speak");
        await using var newcomer = await Server.ConnectAsync(Ids.User(), protocol);
        Assert.Equal("room", (await newcomer.Join(room, "Newcomer")).Status);
    }

    private static async Task<string> SnapshotAsync(HubConnection facilitator, string room)
    {
        var state = await facilitator.State(room);
        var roster = await facilitator.Call<ParticipantView[]>("GetRoster", room);
        var lobby = await facilitator.Call<ParticipantView[]>("GetLobby", room);
        var history = await facilitator.History(room);
        return JsonSerializer.Serialize(new { state, roster, lobby, history });
    }

    private async Task<int> AuditCountAsync(string room)
    {
        var admin = await Server.TokenAsync("admin-1", "admin");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/audit?roomId={room}&limit=500");
        request.Headers.Authorization = new("Bearer", admin);
        using var response = await Server.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength();
    }
}
