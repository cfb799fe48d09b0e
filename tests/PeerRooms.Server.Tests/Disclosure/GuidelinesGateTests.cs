using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Core.Disclosure;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;
using static PeerRooms.Server.Tests.Disclosure.DisclosureTestKit;

namespace PeerRooms.Server.Tests.Disclosure;

/// <summary>A participant joins only after accepting the room's current guidelines; acceptance is durable.</summary>
public class GuidelinesGateTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    private IGuidelinesAcceptanceStore Acceptances => Server.Services.GetRequiredService<IGuidelinesAcceptanceStore>();

    [Theory, ClassData(typeof(Protocols))]
    public async Task Joining_requires_accepting_the_current_version(HubProtocol protocol)
    {
        var (room, version) = await CreateRoomAsync(Server, new { name = "Guided", guidelines = "Be kind. What is said here stays here." });
        Assert.Equal(1, version);
        var userId = Ids.User();
        await using var river = await Server.ConnectAsync(userId, protocol);

        await Join(river, room, "River").ExpectErrorAsync(ErrorCodes.GuidelinesNotAccepted);
        await Join(river, room, "River", acceptedGuidelinesVersion: 0).ExpectErrorAsync(ErrorCodes.GuidelinesNotAccepted);
        Assert.Null(await Acceptances.GetAsync(room, userId, 1));

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await Join(river, room, "River", acceptedGuidelinesVersion: 1);
        var recorded = await Acceptances.GetAsync(room, userId, 1);
        Assert.NotNull(recorded);
        Assert.InRange(recorded.AcceptedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));

        // Accepted once: a later join (e.g. after a reconnect) need not send it again.
        await river.InvokeAsync("LeaveRoom", room).WaitAsync(Timeouts.Default);
        await Join(river, room, "River");
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Changed_guidelines_must_be_accepted_again(HubProtocol protocol)
    {
        var (room, _) = await CreateRoomAsync(Server, new { name = "Guided", guidelines = "Version one." });
        await using var river = await Server.ConnectAsync(Ids.User(), protocol);
        await Join(river, room, "River", acceptedGuidelinesVersion: 1);
        await river.InvokeAsync("LeaveRoom", room).WaitAsync(Timeouts.Default);

        var version = await PatchRoomAsync(Server, room, new { guidelines = "Version two: no cross-talk." });
        Assert.Equal(2, version);
        // The room cache lives up to 2 s; the patch went through this node, which invalidates it.
        await Join(river, room, "River").ExpectErrorAsync(ErrorCodes.GuidelinesNotAccepted);
        await Join(river, room, "River", acceptedGuidelinesVersion: 1).ExpectErrorAsync(ErrorCodes.GuidelinesNotAccepted);
        await Join(river, room, "River", acceptedGuidelinesVersion: 2);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Facilitators_and_rooms_without_guidelines_are_exempt(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var (room, _) = await CreateRoomAsync(Server, new { name = "Guided", guidelines = "Be kind.", facilitators = new[] { facilitatorId } });
        var (open, _) = await CreateRoomAsync(Server, new { name = "No guidelines" });
        await using var facilitator = await Server.ConnectAsync(facilitatorId, protocol);
        await using var river = await Server.ConnectAsync(Ids.User(), protocol);
        Assert.Equal("facilitator", (await Join(facilitator, room, "Fay")).Role);
        await Join(river, open, "River");
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_refused_join_leaves_no_trace_in_the_room(HubProtocol protocol)
    {
        var (room, _) = await CreateRoomAsync(Server, new { name = "Guided", guidelines = "Be kind." });
        await using var river = await Server.ConnectAsync(Ids.User(), protocol);
        await using var peer = await Server.ConnectAsync(Ids.User(), protocol);
        await Join(peer, room, "Peer", acceptedGuidelinesVersion: 1);
        await Join(river, room, "River").ExpectErrorAsync(ErrorCodes.GuidelinesNotAccepted);
        Assert.Equal(["Peer"], (await Roster(peer, room)).Select(p => p.DisplayName));
        await Send(river, room, "am I in?").ExpectErrorAsync(ErrorCodes.NotMember);
    }
}
