using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Http;

public class RoomsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await Server.Http.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Admin_creates_reads_updates_and_archives_a_room()
    {
        var admin = await Server.TokenAsync("admin-x", "admin");
        var created = await Send(HttpMethod.Post, "/api/rooms", admin, new
        {
            name = "Tuesday LGBTQ+ recovery circle", description = "Weekly", guidelines = "Be kind.", language = "es",
            capacity = 12, facilitators = new[] { "fac-a" }, policy = new { lobbyEnabled = true },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var room = await Json(created);
        var id = room.GetProperty("id").GetString()!;
        Assert.Equal("es", room.GetProperty("language").GetString());
        Assert.True(room.GetProperty("policy").GetProperty("lobbyEnabled").GetBoolean());
        Assert.True(room.GetProperty("policy").GetProperty("piiRedaction").GetBoolean());
        Assert.Equal(1, room.GetProperty("guidelinesVersion").GetInt32());

        var patched = await Json(await Send(HttpMethod.Patch, $"/api/rooms/{id}", admin, new { guidelines = "Be kind. Share the time." }));
        Assert.Equal(2, patched.GetProperty("guidelinesVersion").GetInt32());
        Assert.Equal("Tuesday LGBTQ+ recovery circle", patched.GetProperty("name").GetString());

        var read = await Json(await Send(HttpMethod.Get, $"/api/rooms/{id}", admin));
        Assert.Equal("Be kind. Share the time.", read.GetProperty("guidelines").GetString());

        var archived = await Send(HttpMethod.Post, $"/api/rooms/{id}/archive", admin);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        var list = await Json(await Send(HttpMethod.Get, "/api/rooms", admin));
        Assert.DoesNotContain(list.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        var withArchived = await Json(await Send(HttpMethod.Get, "/api/rooms?includeArchived=true", admin));
        Assert.Contains(withArchived.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Facilitators_list_and_read_only_their_rooms_and_cannot_change_them()
    {
        var mine = await Server.CreateRoomAsync("Mine", facilitators: ["fac-list"]);
        var theirs = await Server.CreateRoomAsync("Theirs", facilitators: ["fac-other"]);
        var fac = await Server.TokenAsync("fac-list", "facilitator");

        var list = await Json(await Send(HttpMethod.Get, "/api/rooms", fac));
        var ids = list.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains(mine, ids);
        Assert.DoesNotContain(theirs, ids);
        var own = await Json(await Send(HttpMethod.Get, $"/api/rooms/{mine}", fac));
        Assert.Equal(JsonValueKind.Object, own.GetProperty("policy").ValueKind);

        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Patch, $"/api/rooms/{mine}", fac, new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Post, "/api/rooms", fac, new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task Participants_see_the_public_directory_without_facilitators_or_policy()
    {
        var id = await Server.CreateRoomAsync("Directory", facilitators: ["fac-secret"]);
        var token = await Server.TokenAsync("someone", "participant");
        var room = await Json(await Send(HttpMethod.Get, $"/api/rooms/{id}", token));
        Assert.Equal("Directory", room.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, room.GetProperty("facilitators").ValueKind);
        Assert.Equal(JsonValueKind.Null, room.GetProperty("policy").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Post, "/api/rooms", token, new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task Invalid_rooms_get_validation_problem_details()
    {
        var admin = await Server.TokenAsync("admin-v", "admin");
        var response = await Send(HttpMethod.Post, "/api/rooms", admin, new { name = "", capacity = 1, language = "xx" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("capacity", out _));
        Assert.True(errors.TryGetProperty("language", out _));

        var missing = await Send(HttpMethod.Get, "/api/rooms/r_missing", admin);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_requires_a_valid_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, "/api/rooms", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, "/api/rooms", "garbage")).StatusCode);
        // A token in the query string is accepted only on hub paths.
        var token = await Server.TokenAsync("q", "admin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server.Http.GetAsync($"/api/rooms?access_token={token}")).StatusCode);
    }

    [Fact]
    public async Task Health_readiness_and_openapi_answer_without_a_token()
    {
        Assert.Equal(HttpStatusCode.OK, (await Server.Http.GetAsync("/healthz")).StatusCode);
        var ready = await Server.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var doc = await Server.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/rooms", out _));
    }

    [Fact]
    public async Task Dev_tokens_validate_their_input()
    {
        var response = await Server.Http.PostAsJsonAsync("/api/dev/token", new { userId = "", roles = new[] { "wizard" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public class DevTokensOutsideDevelopmentTests
{
    [Fact]
    public async Task Dev_tokens_are_refused_outside_development_unless_enabled()
    {
        using var production = new PeerRoomsServer(new Dictionary<string, string?> { ["PeerRooms:Auth:DevTokens"] = null }, environment: "Production");
        var response = await production.Http.PostAsJsonAsync("/api/dev/token", new { userId = "x", roles = new[] { "admin" } });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dev_tokens_are_on_in_development()
    {
        using var development = new PeerRoomsServer(new Dictionary<string, string?> { ["PeerRooms:Auth:DevTokens"] = null }, environment: "Development");
        var response = await development.Http.PostAsJsonAsync("/api/dev/token", new { userId = "x", roles = new[] { "admin" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
