using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Crisis;

/// <summary>Shared steps of the crisis tests: connecting staff, joining rooms, sending messages, reading cases.</summary>
public static class CrisisKit
{
    public const string Imminent = "I'm going to kill myself tonight after everyone goes to sleep";

    public static async Task<HubConnection> ConnectStaffAsync(this PeerRoomsServer server, string userId, HubProtocol protocol, string role = "crisis-staff")
        => await server.ConnectWithTokenAsync(await server.TokenAsync(userId, role), protocol, HubPaths.Crisis);

    public static Task<JoinRoomResponse> JoinAsync(this HubConnection c, string roomId, string name) => HubCalls.Join(c, roomId, name);

    public static Task<SendMessageResponse> SendAsync(this HubConnection c, string roomId, string text) => HubCalls.Send(c, roomId, text);

    public static async Task<HttpResponseMessage> AuthorizedAsync(this PeerRoomsServer server, HttpMethod method, string path, string userId, string role, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        request.Headers.Authorization = new("Bearer", await server.TokenAsync(userId, role));
        return await server.Http.SendAsync(request).WaitAsync(Timeouts.Default);
    }

    public static async Task<CaseDetailView> GetCaseAsync(this PeerRoomsServer server, string caseId)
    {
        using var response = await server.AuthorizedAsync(HttpMethod.Get, $"/api/crisis/cases/{caseId}", "admin-1", "admin");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CaseDetailView>())!;
    }
}
