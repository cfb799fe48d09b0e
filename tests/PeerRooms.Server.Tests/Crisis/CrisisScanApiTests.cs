using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PeerRooms.Server.Http;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Crisis;

/// <summary>The detector is wired into the server: the scan endpoint in three languages, its validation and roles, and lexicon reload.</summary>
public class CrisisScanApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    [Theory]
    [InlineData("I'm going to kill myself tonight after everyone goes to sleep", "en", "imminent", "ideation")]
    [InlineData("I want to end my life", null, "high", "ideation")]
    [InlineData("quiero quitarme la vida", "es", "high", "ideation")]
    [InlineData("voy a tomarme todas las pastillas ahora mismo", null, "imminent", "overdose_means")]
    [InlineData("سأقتل نفسي الآن", "ar", "imminent", "ideation")]
    [InlineData("أريد أن أنهي حياتي", null, "high", "ideation")]
    public async Task Scan_finds_risk_in_english_spanish_and_arabic(string text, string? language, string severity, string category)
    {
        using var response = await Server.AuthorizedAsync(HttpMethod.Post, "/api/admin/crisis/scan", "staff-scan", "crisis-staff", new { text, language });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<ScanResponse>())!;
        Assert.Equal(severity, result.Severity);
        Assert.Contains(category, result.Categories);
        Assert.NotEmpty(result.Matches);
        foreach (var m in result.Matches)
        {
            Assert.InRange(m.Start, 0, text.Length - 1);
            Assert.InRange(m.Start + m.Length, 1, text.Length);
        }
    }

    [Theory]
    [InlineData("this homework is killing me")]
    [InlineData("me muero de hambre, ¿alguien quiere pizza?")]
    [InlineData("أنا سعيد لأنني هنا معكم")]
    public async Task Benign_text_scans_as_none(string text)
    {
        using var response = await Server.AuthorizedAsync(HttpMethod.Post, "/api/admin/crisis/scan", "admin-1", "admin", new { text });
        var result = (await response.Content.ReadFromJsonAsync<ScanResponse>())!;
        Assert.Equal("none", result.Severity);
        Assert.Empty(result.Matches);
    }

    [Fact]
    public async Task Bad_input_is_a_validation_problem_and_roles_are_enforced()
    {
        foreach (var body in new object[] { new { text = "" }, new { text = new string('a', 4001) }, new { language = "en" } })
        {
            using var bad = await Server.AuthorizedAsync(HttpMethod.Post, "/api/admin/crisis/scan", "admin-1", "admin", body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
        }
        using var participant = await Server.AuthorizedAsync(HttpMethod.Post, "/api/admin/crisis/scan", "p-1", "participant", new { text = "hello" });
        Assert.Equal(HttpStatusCode.Forbidden, participant.StatusCode);
        using var staffReload = await Server.AuthorizedAsync(HttpMethod.Post, "/api/admin/crisis/lexicons/reload", "staff-1", "crisis-staff");
        Assert.Equal(HttpStatusCode.Forbidden, staffReload.StatusCode);
        using var anonymous = await Server.Http.PostAsJsonAsync("/api/admin/crisis/scan", new { text = "hello" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Organisation_lexicons_reload_without_a_restart_and_a_bad_file_keeps_the_old_ones()
    {
        var dir = Path.Combine(Path.GetTempPath(), "peerrooms-tests", "lexicons-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        using var server = new PeerRoomsServer(new Dictionary<string, string?>
        {
            ["PeerRooms:Crisis:LexiconDirectory"] = dir,
            ["PeerRooms:Crisis:WatchLexiconDirectory"] = "false",
        });
        const string text = "I keep thinking about the blue door plan";
        Assert.Equal("none", await ScanAsync(server, text));

        await File.WriteAllTextAsync(Path.Combine(dir, "org.json"), """
            {"language":"en","entries":[{"term":"blue door plan","severity":"high","category":"plan_intent"}]}
            """);
        using (var reload = await server.AuthorizedAsync(HttpMethod.Post, "/api/admin/crisis/lexicons/reload", "admin-1", "admin"))
        {
            Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
            var body = (await reload.Content.ReadFromJsonAsync<ReloadResponse>())!;
            Assert.Equal(["ar", "en", "es"], body.Languages.Order());
        }
        Assert.Equal("high", await ScanAsync(server, text));

        await File.WriteAllTextAsync(Path.Combine(dir, "zz-broken.json"), """{"language":"en","entries":[{"term":"x","severity":"catastrophic","category":"ideation"}]}""");
        using (var failed = await server.AuthorizedAsync(HttpMethod.Post, "/api/admin/crisis/lexicons/reload", "admin-1", "admin"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, failed.StatusCode);
        }
        Assert.Equal("high", await ScanAsync(server, text));
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    private static async Task<string> ScanAsync(PeerRoomsServer server, string text)
    {
        using var response = await server.AuthorizedAsync(HttpMethod.Post, "/api/admin/crisis/scan", "admin-1", "admin", new { text, language = "en" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ScanResponse>())!.Severity;
    }
}
