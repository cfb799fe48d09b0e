using PeerRooms.Core.Errors;
using PeerRooms.Core.Security;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Logging;
using PeerRooms.Server.Security;

namespace PeerRooms.Server.Http;

/// <summary>Body of <c>POST /api/admin/users/{userId}/disconnect</c>: block minutes (0 = disconnect only).</summary>
public sealed record DisconnectUserRequest(int? BlockMinutes);

public sealed record DisconnectUserResponse(string UserId, int LocalConnectionsClosed, DateTimeOffset? BlockedUntil);

/// <summary>
/// Admin controls over a user's access. <c>POST /api/admin/users/{userId}/disconnect</c> closes all
/// of the user's hub connections on every node and, with <c>blockMinutes</c>, refuses their tokens
/// (HTTP and hubs) until then. <c>DELETE /api/admin/users/{userId}/block</c> lifts a block early.
/// </summary>
public static class AdminUsersEndpoints
{
    public const int MaxBlockMinutes = 365 * 24 * 60;

    public static IEndpointRouteBuilder MapAdminUsers(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/users").WithTags("admin").RequireAuthorization(Policies.Admin);

        admin.MapPost("/{userId}/disconnect", async (string userId, DisconnectUserRequest? body, HttpContext http,
            IUserBlockList blocks, UserDisconnector disconnector, TimeProvider time, ILogger<UserDisconnector> logger) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!IsValidUserId(userId)) errors["userId"] = ["userId must be 1-128 characters without control characters"];
            var minutes = body?.BlockMinutes ?? 0;
            if (minutes is < 0 or > MaxBlockMinutes) errors["blockMinutes"] = [$"blockMinutes must be 0-{MaxBlockMinutes}"];
            if (errors.Count > 0) return Results.ValidationProblem(errors);

            // Block first, so a client reconnecting the moment it is cut off is refused.
            DateTimeOffset? until = minutes > 0 ? time.GetUtcNow().AddMinutes(minutes) : null;
            if (until is { } u) await blocks.BlockAsync(userId, u);
            var local = await disconnector.DisconnectEverywhereAsync(userId);
            SecurityLog.UserDisconnected(logger, http.User.ToCaller().UserId, userId, local, until);
            return Results.Ok(new DisconnectUserResponse(userId, local, until));
        }).WithSummary("Close all of a user's hub connections on every node; optionally block them (admins).");

        admin.MapDelete("/{userId}/block", async (string userId, IUserBlockList blocks) =>
        {
            if (!IsValidUserId(userId)) return Results.ValidationProblem(new Dictionary<string, string[]> { ["userId"] = ["invalid userId"] });
            await blocks.UnblockAsync(userId);
            return Results.NoContent();
        }).WithSummary("Lift a user's block (admins).");

        return app;
    }

    private static bool IsValidUserId(string userId) => userId.Length is > 0 and <= 128 && !userId.Any(char.IsControl);
}

/// <summary>Turns a blocked user's otherwise valid token into a 401 on every HTTP request and hub connect.</summary>
public static class BlockedUserCheck
{
    public static async Task<string?> ReasonAsync(IUserBlockList blocks, string? userId)
    {
        if (string.IsNullOrEmpty(userId)) return null;
        return await blocks.GetBlockedUntilAsync(userId) is { } until
            ? HubErrorFormat(until)
            : null;
    }

    private static string HubErrorFormat(DateTimeOffset until) => $"{ErrorCodes.AccessRevoked}: blocked until {until:O}";
}
