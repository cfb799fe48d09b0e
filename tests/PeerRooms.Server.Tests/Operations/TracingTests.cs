using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Telemetry;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Operations;

/// <summary>Hub invocations produce "PeerRooms" activities tagged with method, room id and error code, never text or names.</summary>
public class TracingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory, ClassData(typeof(Protocols))]
    public async Task Each_hub_call_is_an_activity_with_method_room_and_error_code(HubProtocol protocol)
    {
        var server = fixture.Server;
        var room = await server.CreateRoomAsync();
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PeerRoomsActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await using var alice = await server.ConnectAsync(Ids.User(), protocol);
        await alice.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest { RoomId = room, DisplayName = "Perpetua Loom" }).WaitAsync(Timeouts.Default);
        await alice.InvokeAsync<SendMessageResponse>("SendMessage", new SendMessageRequest { RoomId = room, ClientMessageId = Ids.Message(), Text = "trace-secret-text" }).WaitAsync(Timeouts.Default);
        await alice.InvokeAsync<SendMessageResponse>("SendMessage", new SendMessageRequest { RoomId = room, ClientMessageId = Ids.Message(), Text = new string('z', 4001) })
            .ExpectErrorAsync(ErrorCodes.MessageTooLong);

        var mine = activities.Where(a => a.GetTagItem("peerrooms.room_id") as string == room).ToArray();
        Assert.Contains(mine, a => a.OperationName == "RoomHub/JoinRoom" && a.Status != ActivityStatusCode.Error);
        Assert.Contains(mine, a => a.OperationName == "RoomHub/SendMessage" && (string?)a.GetTagItem("rpc.method") == "SendMessage" && a.Status != ActivityStatusCode.Error);
        Assert.Contains(mine, a => a.OperationName == "RoomHub/SendMessage" && a.Status == ActivityStatusCode.Error && (string?)a.GetTagItem("peerrooms.error_code") == ErrorCodes.MessageTooLong);
        foreach (var tag in mine.SelectMany(a => a.TagObjects))
        {
            Assert.DoesNotContain("trace-secret-text", tag.Value?.ToString() ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("Perpetua", tag.Value?.ToString() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Escalation_steps_of_one_case_share_a_trace_on_every_node()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PeerRoomsActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using (var detect = PeerRoomsActivities.StartEscalationStep("case-42", "detect", "high"))
        using (var claim = PeerRoomsActivities.StartEscalationStep("case-42", "claim", "high"))
        using (var other = PeerRoomsActivities.StartEscalationStep("case-43", "detect", "high"))
        {
            Assert.NotNull(detect);
            Assert.Equal(detect.TraceId, claim!.TraceId);
            Assert.Equal(detect.ParentSpanId, claim.ParentSpanId);
            Assert.NotEqual(detect.TraceId, other!.TraceId);
            Assert.Equal("case-42", detect.GetTagItem("peerrooms.escalation.case_id"));
        }
    }
}
