using PeerRooms.Core.Errors;
using PeerRooms.Core.Moderation;
using PeerRooms.Core.Rooms;
using PeerRooms.Server.Auth;

namespace PeerRooms.Server.Http;

/// <summary>
/// Admin API of the facilitator tools: the moderation audit log and permanent room bans. Errors
/// are ProblemDetails whose <c>type</c> is the catalogue code.
/// </summary>
public static class ModerationEndpoints
{
    public const int MaxAuditPage = 500;

    public static IEndpointRouteBuilder MapModeration(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("moderation").RequireAuthorization(Policies.Admin);

        api.MapGet("/audit", async (IAuditLog audit, string? roomId, int? limit, CancellationToken ct) =>
        {
            var take = limit ?? 100;
            if (take is < 1 or > MaxAuditPage)
                throw PeerRoomsException.Invalid($"limit must be 1-{MaxAuditPage}");
            return Results.Ok(await audit.ListAsync(roomId, take, ct));
        }).WithSummary("Moderation audit log, newest first (admins). Never contains message text.");

        api.MapGet("/rooms/{id}/bans", async (string id, IRoomRepository rooms, IBanRepository bans, CancellationToken ct) =>
        {
            _ = await rooms.GetAsync(id, ct) ?? throw PeerRoomsException.NotFound("room not found");
            return Results.Ok(await bans.ListAsync(id, ct));
        }).WithSummary("Permanent bans of a room (admins).");

        api.MapDelete("/rooms/{id}/bans/{banId}", async (string id, string banId, IBanRepository bans, CancellationToken ct) =>
            await bans.RemoveAsync(id, banId, ct) ? Results.NoContent() : throw PeerRoomsException.NotFound("ban not found"))
            .WithSummary("Lift a permanent ban (admins).");
        return app;
    }
}
