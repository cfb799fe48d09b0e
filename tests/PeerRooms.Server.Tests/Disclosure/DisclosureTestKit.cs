using System.Collections;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Disclosure;

/// <summary>Calls and room set-ups shared by the disclosure tests.</summary>
public static class DisclosureTestKit
{
    public static AttributeView Attr(string kind, string value, string audience) => new() { Kind = kind, Value = value, Audience = audience };

    public static Task<ParticipantView> SetAttributes(HubConnection c, string roomId, params AttributeView[] attributes)
        => c.InvokeAsync<ParticipantView>("SetAttributes", new SetAttributesRequest { RoomId = roomId, Attributes = attributes }).WaitAsync(Timeouts.Default);

    /// <summary>Creates a room through the HTTP API as an admin with any fields (guidelines, policy, ...); returns its id and guidelines version.</summary>
    public static async Task<(string Id, int GuidelinesVersion)> CreateRoomAsync(PeerRoomsServer server, object body)
    {
        // Like PeerRoomsServer.CreateRoomAsync: the session opens on the first join unless the test says otherwise.
        var json = JsonSerializer.SerializeToNode(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();
        var policy = json["policy"]?.AsObject() ?? [];
        json["policy"] = policy;
        if (!policy.ContainsKey("requireFacilitatorToStart")) policy["requireFacilitatorToStart"] = false;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms") { Content = JsonContent.Create(json) };
        request.Headers.Authorization = new("Bearer", await server.TokenAsync("admin-1", "admin"));
        using var response = await server.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var room = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (room.GetProperty("id").GetString()!, room.GetProperty("guidelinesVersion").GetInt32());
    }

    public static async Task<int> PatchRoomAsync(PeerRoomsServer server, string roomId, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/rooms/{roomId}") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", await server.TokenAsync("admin-1", "admin"));
        using var response = await server.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("guidelinesVersion").GetInt32();
    }

    /// <summary>
    /// Everything a payload carried on the wire, as text: every key and value, whichever protocol
    /// decoded it (JsonElement under JSON, dictionaries and arrays under MessagePack). Typed DTOs
    /// would silently drop fields the server should not have sent; this does not.
    /// </summary>
    public static string WireText(object? payload)
    {
        var sb = new StringBuilder();
        Append(payload, sb);
        return sb.ToString();
    }

    private static void Append(object? value, StringBuilder sb)
    {
        switch (value)
        {
            case null: return;
            case JsonElement e: sb.Append(e.GetRawText()).Append(' '); return;
            case string s: sb.Append(s).Append(' '); return;
            case IDictionary d:
                foreach (DictionaryEntry entry in d) { Append(entry.Key, sb); Append(entry.Value, sb); }
                return;
            case IEnumerable items:
                foreach (var item in items) Append(item, sb);
                return;
            default: sb.Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append(' '); return;
        }
    }
}
