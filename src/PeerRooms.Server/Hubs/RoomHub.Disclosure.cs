using Microsoft.AspNetCore.Mvc;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Disclosure;
using PeerRooms.Core.Live;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// Safe-disclosure methods: what a participant shares about themselves, retracting their own
/// messages, and content-warning preferences. Services come in by hub method injection so this
/// file does not touch the hub's constructor.
/// </summary>
public sealed partial class RoomHub
{
    /// <summary>Replaces the caller's personal attributes in the room; returns the caller's own (full) view.</summary>
    public async Task<ParticipantView> SetAttributes(SetAttributesRequest request,
        [FromServices] DisclosureService disclosure, [FromServices] DisclosureBroadcaster events, [FromServices] ILogger<RoomHub> logger)
    {
        RequireJoined(request.RoomId);
        var updated = await disclosure.SetAttributesAsync(Context.User.ToCaller(), request.RoomId,
            request.Attributes?.Select(a => ((string?)a?.Kind, (string?)a?.Value, (string?)a?.Audience)));
        DisclosureLog.AttributesChanged(logger, request.RoomId, updated.ParticipantId, updated.Attributes.Items.Count);
        await events.ParticipantUpdatedAsync(request.RoomId, updated);
        return updated.ToView(AttributeViewer.Self);
    }

    /// <summary>Retracts one of the caller's own messages: gone from history and from every client.</summary>
    public async Task RetractMessage(string roomId, string messageId,
        [FromServices] DisclosureService disclosure, [FromServices] DisclosureBroadcaster events, [FromServices] ILogger<RoomHub> logger)
    {
        RequireJoined(roomId);
        var retracted = await disclosure.RetractAsync(Context.User.ToCaller(), roomId, messageId);
        DisclosureLog.MessageRetracted(logger, roomId, retracted.MessageId);
        await events.MessageRetractedAsync(roomId, retracted);
    }

    /// <summary>The caller's content preferences (topics to collapse always).</summary>
    public async Task<ContentPreferences> GetContentPreferences([FromServices] DisclosureService disclosure)
        => new() { CollapsedTopics = await disclosure.GetCollapsedTopicsAsync(Context.User.ToCaller()) };

    /// <summary>Replaces the caller's content preferences; returns what is stored.</summary>
    public async Task<ContentPreferences> SetContentPreferences(ContentPreferences preferences, [FromServices] DisclosureService disclosure)
        => new() { CollapsedTopics = await disclosure.SetCollapsedTopicsAsync(Context.User.ToCaller(), preferences.CollapsedTopics) };

    /// <summary>A roster as <paramref name="viewer"/> may see it: their own entry in full, others filtered by audience.</summary>
    private static ParticipantView[] RosterFor(IReadOnlyList<Participant> roster, Participant viewer)
        => roster.Select(p => p.ToViewFor(viewer)).ToArray();

    /// <summary>As above when only the viewer's user id is at hand (a viewer missing from the roster sees the participant view).</summary>
    private static ParticipantView[] RosterFor(IReadOnlyList<Participant> roster, string viewerUserId)
        => roster.FirstOrDefault(p => p.UserId == viewerUserId) is { } viewer
            ? RosterFor(roster, viewer)
            : roster.Select(p => p.ToView()).ToArray();
}
