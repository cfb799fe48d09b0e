using Microsoft.AspNetCore.Http.HttpResults;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Rooms;
using PeerRooms.Server.Auth;

namespace PeerRooms.Server.Http;

/// <summary>
/// Rooms API. Admins create, update and archive; facilitators list and read the rooms they
/// facilitate; participants list active rooms (public fields only) so they can pick one to join.
/// </summary>
public static class RoomsEndpoints
{
    public static IEndpointRouteBuilder MapRooms(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/api/rooms").WithTags("rooms");

        rooms.MapGet("/", async (HttpContext http, IRoomRepository repo, bool? includeArchived, CancellationToken ct) =>
        {
            var caller = http.User.ToCaller();
            if (caller.IsAdmin) return Results.Ok((await repo.ListAsync(includeArchived ?? false, null, ct)).Select(RoomDto.Full));
            if (caller.HasRole(Roles.Facilitator))
            {
                var mine = await repo.ListAsync(false, caller.UserId, ct);
                return Results.Ok(mine.Select(RoomDto.Full));
            }
            return Results.Ok((await repo.ListAsync(false, null, ct)).Select(RoomDto.Public));
        }).WithSummary("List rooms (admins: all; facilitators: theirs; others: public directory).");

        rooms.MapGet("/{id}", async (string id, HttpContext http, IRoomRepository repo, CancellationToken ct) =>
        {
            var caller = http.User.ToCaller();
            var room = await repo.GetAsync(id, ct);
            if (room is null || (room.Archived && !caller.IsAdmin)) return NotFound();
            if (caller.IsAdmin || room.IsFacilitator(caller.UserId)) return Results.Ok(RoomDto.Full(room));
            return Results.Ok(RoomDto.Public(room));
        }).WithSummary("Read one room.");

        rooms.MapPost("/", async (RoomDraft draft, IRoomRepository repo, IIdGenerator ids, TimeProvider time, CancellationToken ct) =>
        {
            var errors = draft.Validate(creating: true);
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            var room = draft.Create(ids.NewId("r_"), time.GetUtcNow());
            await repo.CreateAsync(room, ct);
            return Results.Created($"/api/rooms/{room.Id}", RoomDto.Full(room));
        }).RequireAuthorization(Policies.Admin).WithSummary("Create a room (admins).");

        rooms.MapPatch("/{id}", async (string id, RoomDraft draft, IRoomRepository repo, TimeProvider time, CancellationToken ct) =>
        {
            var errors = draft.Validate(creating: false);
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            var room = await repo.GetAsync(id, ct);
            if (room is null) return NotFound();
            var updated = draft.ApplyTo(room, time.GetUtcNow());
            await repo.UpdateAsync(updated, ct);
            return Results.Ok(RoomDto.Full(updated));
        }).RequireAuthorization(Policies.Admin).WithSummary("Update a room (admins); changing guidelines bumps their version.");

        rooms.MapPost("/{id}/archive", async (string id, IRoomRepository repo, TimeProvider time, CancellationToken ct) =>
        {
            var room = await repo.GetAsync(id, ct);
            if (room is null) return NotFound();
            var archived = room with { Archived = true, UpdatedAt = time.GetUtcNow() };
            await repo.UpdateAsync(archived, ct);
            return Results.Ok(RoomDto.Full(archived));
        }).RequireAuthorization(Policies.Admin).WithSummary("Archive a room (admins). Archived rooms refuse joins.");

        return app;
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: 404, title: "Room not found", type: ErrorCodes.NotFound);
}

/// <summary>A room as the API returns it. The public form omits who facilitates and the policy.</summary>
public sealed record RoomDto(
    string Id, string Name, string Description, string Guidelines, int GuidelinesVersion, string Language,
    int Capacity, IReadOnlyList<string>? Facilitators, RoomPolicy? Policy, bool Archived,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static RoomDto Full(Room r) => new(r.Id, r.Name, r.Description, r.Guidelines, r.GuidelinesVersion,
        r.Language, r.Capacity, r.Facilitators, r.Policy, r.Archived, r.CreatedAt, r.UpdatedAt);

    public static RoomDto Public(Room r) => Full(r) with { Facilitators = null, Policy = null };
}
