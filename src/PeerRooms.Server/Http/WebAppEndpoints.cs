using Microsoft.Extensions.FileProviders;

namespace PeerRooms.Server.Http;

/// <summary>
/// The web app's pages. The app is one HTML shell (built from clients/js/app into wwwroot/dist by
/// WebApp.targets) that picks its screen from the path: <c>/</c> for participants and facilitators,
/// <c>/crisis</c> for the crisis console. When the bundle was not built (no Node.js on the build
/// machine) the pages say so instead of failing.
/// </summary>
public static class WebAppEndpoints
{
    /// <summary>Paths that serve the app shell.</summary>
    public static readonly IReadOnlyList<string> AppPaths = ["/", "/crisis"];

    private const string ShellPath = "dist/index.html";

    private const string NotBuiltPage = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>PeerRooms</title></head><body><main><h1>PeerRooms</h1>
        <p>The server is running, but its web app was not built: install Node.js 20 or later and build the server again.</p>
        </main></body></html>
        """;

    public static IEndpointRouteBuilder MapWebApp(this IEndpointRouteBuilder app)
    {
        foreach (var path in AppPaths)
        {
            app.MapGet(path, (IWebHostEnvironment env, HttpContext http) =>
            {
                // The shell is tiny and names its bundles by content hash: never cache it.
                http.Response.Headers.CacheControl = "no-cache";
                var shell = env.WebRootFileProvider.GetFileInfo(ShellPath);
                return shell.Exists
                    ? Results.Stream(shell.CreateReadStream(), "text/html; charset=utf-8")
                    : Results.Content(NotBuiltPage, "text/html; charset=utf-8");
            }).AllowAnonymous().ExcludeFromDescription();
        }
        return app;
    }
}
