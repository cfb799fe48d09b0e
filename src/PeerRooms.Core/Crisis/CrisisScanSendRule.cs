using PeerRooms.Core.Chat;
using PeerRooms.Core.Escalation;
using PeerRooms.Core.Live;

namespace PeerRooms.Core.Crisis;

/// <summary>What the crisis scan concluded about a message, handed to observers through <see cref="SendContext.Items"/>.</summary>
public sealed record CrisisAssessment(CrisisSeverity Severity, IReadOnlyList<CrisisCategory> Categories, CrisisScanResult Message, SeverityAction Action)
{
    public const string ItemKey = "crisis.assessment";
}

/// <summary>
/// Scans every participant message before it is stored (facilitators-only messages too), combines
/// it with the sender's recent messages (<see cref="RiskTrajectory"/>), and applies the room's
/// <see cref="RiskyMessageHandling"/> for the resulting severity: a content warning, or holding the
/// message for facilitator review. The escalation itself is opened after delivery by an observer
/// that reads the <see cref="CrisisAssessment"/> left in <see cref="SendContext.Items"/>.
/// </summary>
/// <remarks>
/// Runs late (<see cref="Order"/> 900) so messages refused by earlier rules (mute, slow mode) are
/// not scanned twice on retry. Messages of facilitators and crisis staff are not scanned: they
/// quote risk language to help. The scan uses every lexicon, not the room's language, because a
/// message in another language must still be caught. The detector never throws.
/// </remarks>
public sealed class CrisisScanSendRule(ICrisisDetector detector, IRiskTrajectoryStore trajectories, TimeProvider time) : ISendRule
{
    public int Order => 900;

    public async ValueTask ApplyAsync(SendContext context, CancellationToken ct)
    {
        if (context.Sender.RoomRole != RoomRoles.Participant) return;
        var result = detector.Scan(context.Message.Text);
        if (result.Severity == CrisisSeverity.None && result.Signals == CrisisSignals.None) return;

        var now = time.GetUtcNow();
        var trajectory = await trajectories.AddAsync(context.Room.Id, context.Caller.UserId, result, now, ct);
        var combined = trajectory.Evaluate(now, out var added);
        var severity = combined > result.Severity ? combined : result.Severity;
        if (severity == CrisisSeverity.None) return;

        var categories = trajectory.Recent.Where(r => now - r.At < trajectory.Window)
            .SelectMany(r => r.Result.Categories)
            .Concat(added is { } a ? [a] : [])
            .Distinct()
            .ToArray();
        var action = context.Room.Policy.SeverityActions.For(severity)!;
        context.Message = action.MessageHandling switch
        {
            RiskyMessageHandling.DeliverWithWarning => context.Message with { ContentWarning = true },
            RiskyMessageHandling.HoldForReview when context.Message.Audience == MessageAudience.Everyone
                => context.Message with { Audience = MessageAudience.Held },
            _ => context.Message,
        };
        if (context.Message.Audience == MessageAudience.Held)
            context.Notices.Add(new SenderNotice("held_for_review", "Your message was shared with the facilitators only."));
        context.Items[CrisisAssessment.ItemKey] = new CrisisAssessment(severity, categories, result, action);
    }
}
