using Microsoft.Extensions.Options;
using PeerRooms.Core.Identity;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Server.Http;

public sealed record DevTokenRequest(string? UserId, string? DisplayName, string[]? Roles);
public sealed record DevTokenResponse(string Token);

/// <summary>
/// <c>POST /api/dev/token</c>: a token for any user and roles, for local development and tests.
/// Enabled only in Development or when <c>PeerRooms:Auth:DevTokens=true</c>; answers 404 otherwise,
/// as if it did not exist.
/// </summary>
public static class DevTokenEndpoints
{
    public static IEndpointRouteBuilder MapDevTokens(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dev/token", (DevTokenRequest body, IOptions<PeerRoomsOptions> options, TokenIssuer issuer) =>
        {
            if (!options.Value.Auth.DevTokens) return Results.NotFound();
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(body.UserId) || body.UserId.Length > 128) errors["userId"] = ["userId is required (at most 128 characters)"];
            var roles = body.Roles is { Length: > 0 } r ? r : [Roles.Participant];
            if (roles.Any(x => !Roles.IsKnown(x))) errors["roles"] = [$"roles must be among {string.Join(", ", Roles.All)}"];
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            return Results.Ok(new DevTokenResponse(issuer.Issue(body.UserId!, roles)));
        })
        .AllowAnonymous()
        .WithTags("development")
        .WithSummary("Mint a development token (Development only).");
        return app;
    }
}
