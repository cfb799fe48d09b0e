using System.Net;
using System.Net.Http.Json;

namespace PeerRooms.Client;

/// <summary>
/// Development tokens from <c>POST /api/dev/token</c>. Servers answer only in Development (or with
/// <c>PeerRooms:Auth:DevTokens=true</c>); production uses a real identity provider.
/// </summary>
public static class PeerRoomsDevTokens
{
    /// <summary>Mints a token for <paramref name="userId"/> with <paramref name="roles"/>.</summary>
    /// <exception cref="InvalidOperationException">The server does not issue development tokens, or refused the request.</exception>
    public static async Task<string> RequestAsync(HttpClient http, Uri server, string userId, IEnumerable<string> roles, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.PostAsJsonAsync(new Uri(server, "/api/dev/token"), new { userId, roles = roles.ToArray() }, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new InvalidOperationException($"{server} does not issue development tokens (not Development, or PeerRooms:Auth:DevTokens is off); pass a token.");
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{server} refused a development token: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)}");
        var body = await response.Content.ReadFromJsonAsync<TokenBody>(ct).ConfigureAwait(false);
        return body?.Token ?? throw new InvalidOperationException("the token response had no token");
    }

    private sealed record TokenBody(string Token);
}
