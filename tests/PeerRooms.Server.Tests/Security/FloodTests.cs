using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;
using static PeerRooms.Server.Tests.Security.SecurityTestClients;

namespace PeerRooms.Server.Tests.Security;

/// <summary>
/// One abusive client floods a room while honest members chat, on a node with the default limits
/// (30 messages per 10 s). Honest messages keep arriving (each within a generous bound, not a
/// micro-benchmark), the abuser is rate-limited, and the room's facilitator is alerted.
/// </summary>
public class FloodTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan DeliveryBound = TimeSpan.FromSeconds(5);
    private PeerRoomsServer Server => fixture.Server;

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_flooder_is_limited_honest_messages_still_arrive_and_facilitators_are_alerted(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var room = await Server.CreateRoomAsync(facilitators: [facilitatorId]);
        await using var listener = await RoomListener.StartAsync(Server, protocol, room);
        await using var facilitator = await Server.ConnectAsync(facilitatorId, protocol, "facilitator");
        await using var abuser = await Server.ConnectAsync(Ids.User("abuser"), protocol);
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);
        using var alerts = facilitator.Record<SecurityAlertEvent>(SecurityEvents.SecurityAlert);
        using var bobMessages = bob.Record<MessageView>(RoomEvents.MessageReceived);
        using var aliceMessages = alice.Record<MessageView>(RoomEvents.MessageReceived);
        await Join(facilitator, room, "Facilitator");
        var abuserJoined = await Join(abuser, room, "Flooder");
        await Join(alice, room, "Alice");
        await Join(bob, room, "Bob");

        // The flood: 300 sends fired at once, answered one by one by the server.
        var flood = Enumerable.Range(0, 300).Select(async i =>
        {
            try
            {
                await abuser.InvokeAsync<SendMessageResponse>("SendMessage",
                    new SendMessageRequest { RoomId = room, ClientMessageId = Ids.Message(), Text = $"spam {i}" }).WaitAsync(TimeSpan.FromSeconds(60));
                return "ok";
            }
            catch (HubException ex)
            {
                return HubErrorMessages.TryParseCode(ex.Message) ?? ex.Message;
            }
        }).ToList();

        // Honest chat during the flood: every message reaches the other member within the bound.
        for (var i = 0; i < 5; i++)
        {
            await DeliveredAsync(alice, bobMessages, room, $"alice {i}");
            await DeliveredAsync(bob, aliceMessages, room, $"bob {i}");
        }

        var outcomes = await Task.WhenAll(flood).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(outcomes.Count(o => o == "ok") <= 30, $"{outcomes.Count(o => o == "ok")} flood messages got through");
        Assert.True(outcomes.Count(o => o == ErrorCodes.RateLimited) >= 270);
        Assert.All(outcomes, o => Assert.Contains(o, new[] { "ok", ErrorCodes.RateLimited }));

        var alert = await alerts.NextAsync(a => a.ParticipantId == abuserJoined.ParticipantId);
        Assert.Equal(room, alert.RoomId);
        Assert.Equal(SecurityLimits.Messages, alert.Limit);
        Assert.Equal(HubConnectionState.Connected, abuser.State);

        listener.MustNotSee(abuserJoined.ParticipantId, "spam", "alice 0");
        await listener.AssertReceivedNothingAsync();
    }

    private static async Task DeliveredAsync(HubConnection sender, EventStream<MessageView> receiver, string room, string text)
    {
        var watch = Stopwatch.StartNew();
        var ack = await Send(sender, room, text);
        await receiver.NextAsync(m => m.MessageId == ack.MessageId, DeliveryBound);
        Assert.True(watch.Elapsed < DeliveryBound * 2, $"'{text}' took {watch.Elapsed.TotalSeconds:0.0}s");
    }
}
