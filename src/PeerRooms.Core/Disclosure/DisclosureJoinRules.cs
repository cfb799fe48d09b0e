using PeerRooms.Core.Chat;
using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Disclosure;

/// <summary>
/// Validates the personal attributes offered with a join and puts them on the candidate participant,
/// before anything is stored. Runs early so a bad attribute is reported before other checks.
/// (A second tab of a participant already present keeps the attributes they have.)
/// </summary>
public sealed class AttributesJoinRule(TimeProvider time) : IJoinRule
{
    public int Order => 50;

    public ValueTask CheckAsync(JoinContext context, CancellationToken ct)
    {
        var attributes = PersonalAttributeRules.Validate(
            context.Request.Attributes?.Select(a => ((string?)a?.Kind, (string?)a?.Value, (string?)a?.Audience)), time.GetUtcNow());
        context.Candidate = context.Candidate with { Attributes = new(attributes) };
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The guidelines gate: a participant joins only after accepting the room's current guidelines
/// version, either in this join (<c>acceptedGuidelinesVersion</c>) or earlier (recorded durably).
/// Otherwise <c>guidelines_not_accepted</c>.
/// <para>
/// Exempt: rooms without guidelines text, and the room's facilitators — they run the meeting under
/// their organisation's agreement and must be able to open a room whose guidelines just changed.
/// An acceptance given in a join is recorded even when a later step refuses that join (room full):
/// it is a fact about the person, not about the join.
/// </para>
/// </summary>
public sealed class GuidelinesJoinRule(IGuidelinesAcceptanceStore acceptances, TimeProvider time) : IJoinRule
{
    /// <summary>Late: cheaper refusals (bans, locks) come first, so acceptance is written only for plausible joins.</summary>
    public int Order => 900;

    public async ValueTask CheckAsync(JoinContext context, CancellationToken ct)
    {
        var room = context.Room;
        if (string.IsNullOrWhiteSpace(room.Guidelines) || room.IsFacilitator(context.Caller.UserId)) return;
        var current = room.GuidelinesVersion;
        if (context.Request.AcceptedGuidelinesVersion == current)
        {
            await acceptances.RecordAsync(new GuidelinesAcceptance(room.Id, context.Caller.UserId, current, time.GetUtcNow()), ct);
            return;
        }
        if (await acceptances.GetAsync(room.Id, context.Caller.UserId, current, ct) is not null) return;
        throw new PeerRoomsException(ErrorCodes.GuidelinesNotAccepted, $"accept version {current} of the room's guidelines to join");
    }
}
