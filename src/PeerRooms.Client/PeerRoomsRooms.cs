using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace PeerRooms.Client;

/// <summary>A room as <c>GET /api/rooms/{id}</c> shows it to a member (public fields).</summary>
/// <param name="Id">The room id.</param>
/// <param name="Name">The room's name.</param>
/// <param name="Description">What the meeting is about.</param>
/// <param name="Guidelines">The group guidelines a participant accepts before joining (empty: none).</param>
/// <param name="GuidelinesVersion">The version to send as <c>acceptedGuidelinesVersion</c> when joining.</param>
/// <param name="Language">en, es or ar.</param>
public sealed record RoomInfo(string Id, string Name, string Description, string Guidelines, int GuidelinesVersion, string Language);

/// <summary>The rooms HTTP API, for what a client needs before joining (the guidelines to accept).</summary>
public static class PeerRoomsRooms
{
    /// <summary>Reads one room; null when it does not exist (or is archived).</summary>
    public static async Task<RoomInfo?> GetAsync(HttpClient http, Uri server, string token, string roomId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, $"/api/rooms/{Uri.EscapeDataString(roomId)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<RoomInfo>(ct).ConfigureAwait(false);
    }
}
