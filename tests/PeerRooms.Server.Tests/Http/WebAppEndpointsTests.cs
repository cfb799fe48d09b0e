using System.Net;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Http;

/// <summary>
/// The web app's pages: <c>/</c> and <c>/crisis</c> serve the app shell without a token and are never
/// cached; the bundles it names are served as static files. (The app itself is tested in a browser:
/// clients/js/browser-tests.)
/// </summary>
public class WebAppEndpointsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/crisis")]
    public async Task App_paths_serve_the_html_shell_uncached_and_anonymously(string path)
    {
        var response = await fixture.Server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>PeerRooms</title>", html);
    }

    [Fact]
    public async Task The_shell_names_bundles_that_are_served_when_the_app_was_built()
    {
        var html = await fixture.Server.Http.GetStringAsync("/");
        // Built with Node.js present (as in CI): the shell loads /dist/app.js?v=<content hash>.
        var start = html.IndexOf("/dist/app.js?v=", StringComparison.Ordinal);
        if (start < 0)
        {
            Assert.Contains("was not built", html);
            return;
        }
        var src = html[start..html.IndexOf('"', start)];
        var bundle = await fixture.Server.Http.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Contains("javascript", bundle.Content.Headers.ContentType?.MediaType);
    }
}
