using Microsoft.AspNetCore.Http.HttpResults;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Disclosure;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Rooms;
using PeerRooms.Server.Auth;

namespace PeerRooms.Server.Http;

/// <summary>
/// <c>GET /api/rooms/{id}/transcript</c>: the retained transcript of a room that opted into
/// <c>historyRetentionDays</c>, for admins and the room's facilitators only (404 for anyone else, as
/// if it did not exist). Messages as <see cref="MessageView"/>: pseudonyms and participant ids, never
/// user ids. Empty for rooms that keep no transcript.
/// </summary>
public static class TranscriptEndpoints
{
    public static IEndpointRouteBuilder MapTranscripts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rooms/{id}/transcript", async (string id, HttpContext http, IRoomRepository rooms, ITranscriptStore transcripts, CancellationToken ct) =>
        {
            var caller = http.User.ToCaller();
            var room = await rooms.GetAsync(id, ct);
            if (room is null || !(caller.IsAdmin || room.IsFacilitator(caller.UserId))) return NotFound();
            var messages = await transcripts.GetAsync(room.Id, ct);
            return Results.Ok(messages.Select(m => m.ToView(room.Id)).ToArray());
        })
        .RequireAuthorization()
        .WithTags("rooms")
        .WithSummary("Read a room's retained transcript (admins and the room's facilitators).");
        return app;
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: 404, title: "Room not found", type: ErrorCodes.NotFound);
}
