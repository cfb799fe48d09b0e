using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Disclosure;

/// <summary>
/// Applies the sender's choices: who receives the message (<c>audience: "facilitators"</c> shares it
/// with the room's facilitators only) and its content-warning topics. Validates both first.
/// </summary>
public sealed class MessageDisclosureRule : ISendRule
{
    public int Order => 10;

    public ValueTask ApplyAsync(SendContext context, CancellationToken ct)
    {
        var audience = context.Request.Audience ?? MessageAudience.Everyone;
        if (audience is not (MessageAudience.Everyone or MessageAudience.Facilitators))
            throw PeerRoomsException.Invalid("audience must be \"everyone\" or \"facilitators\"");
        var topics = SensitiveTopics.Validate(context.Request.SensitiveTopics, "sensitiveTopics");
        if (audience == MessageAudience.Everyone && topics.Count == 0) return ValueTask.CompletedTask; // the usual message: nothing to apply
        context.Message = context.Message with
        {
            Audience = audience == MessageAudience.Facilitators ? MessageAudience.Facilitators : context.Message.Audience,
            SensitiveTopics = new(topics),
        };
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Room policy <c>piiRedaction</c> (on by default): masks phone numbers, email addresses and street
/// addresses before the message is stored or anyone receives it, and tells the sender privately
/// (one <c>pii_masked</c> notice per kind masked, worded in the room's language).
/// </summary>
public sealed class PiiRedactionRule : ISendRule
{
    public int Order => 100;

    public ValueTask ApplyAsync(SendContext context, CancellationToken ct)
    {
        if (!context.Room.Policy.PiiRedaction) return ValueTask.CompletedTask;
        var result = PiiRedactor.Redact(context.Message.Text);
        if (!result.Changed) return ValueTask.CompletedTask;
        context.Message = context.Message with { Text = result.Text };
        foreach (var kind in result.Masked)
            context.Notices.Add(new SenderNotice(NoticeKinds.PiiMasked, DisclosureNoticeTexts.Masked(kind, context.Room.Language), kind));
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Room policy <c>languageNudges</c> (off by default): a private person-first language suggestion to
/// the sender. Never blocks or alters the message.
/// </summary>
public sealed class LanguageNudgeRule : ISendRule
{
    public int Order => 110;

    public ValueTask ApplyAsync(SendContext context, CancellationToken ct)
    {
        if (!context.Room.Policy.LanguageNudges) return ValueTask.CompletedTask;
        foreach (var nudge in PersonFirstLanguage.Find(context.Message.Text))
            context.Notices.Add(new SenderNotice(NoticeKinds.LanguageNudge, nudge.Text, nudge.Term));
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Writes each delivered message of a room that opted into retention (<c>historyRetentionDays</c> &gt; 0)
/// to the durable transcript, expiring after that many days. Rooms that did not opt in write nothing.
/// </summary>
public sealed class TranscriptRecorder(ITranscriptStore transcripts) : IMessageObserver
{
    public async ValueTask OnMessageStoredAsync(SendContext context, CancellationToken ct)
    {
        var days = context.Room.Policy.HistoryRetentionDays;
        if (days <= 0) return;
        await transcripts.AppendAsync(context.Room.Id, context.Message, context.Message.SentAt.AddDays(days), ct);
    }
}
