using System.Net;
using System.Net.Http.Json;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Security;

/// <summary>An admin on one node disconnects and blocks a user whose connections are on another node.</summary>
public sealed class MultiNodeDisconnectTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    [Theory, ClassData(typeof(Protocols))]
    public async Task Disconnect_reaches_connections_on_every_node_and_the_block_is_shared(HubProtocol protocol)
    {
        var userId = Ids.User();
        var token = await cluster.B.TokenAsync(userId, "participant");
        var onB = await cluster.B.ConnectWithTokenAsync(token, protocol);
        var onA = await cluster.A.ConnectWithTokenAsync(token, protocol);
        var closedB = SecurityTestClients.ClosedAsync(onB);
        var closedA = SecurityTestClients.ClosedAsync(onA);

        var admin = await cluster.A.TokenAsync("admin-multi", "admin");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/users/{userId}/disconnect") { Content = JsonContent.Create(new { blockMinutes = 10 }) };
        request.Headers.Authorization = new("Bearer", admin);
        using var response = await cluster.A.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await Task.WhenAll(closedA, closedB).WaitAsync(Timeouts.Default);
        await Assert.ThrowsAnyAsync<Exception>(() => cluster.B.ConnectWithTokenAsync(token, protocol));
        await onA.DisposeAsync();
        await onB.DisposeAsync();
    }
}
