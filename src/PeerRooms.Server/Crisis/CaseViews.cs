using PeerRooms.Core.Contracts;
using PeerRooms.Core.Crisis;
using PeerRooms.Core.Escalation;

namespace PeerRooms.Server.Crisis;

/// <summary>The one mapping from stored cases to what crisis staff and admins see. Never used for room members.</summary>
public static class CaseViews
{
    public static CaseView ToView(this EscalationRecord record)
    {
        var c = record.Case;
        return new CaseView
        {
            CaseId = c.Id,
            RoomId = c.RoomId,
            RoomName = record.RoomName,
            ParticipantId = c.Subject.ParticipantId,
            Pseudonym = c.Subject.Pseudonym,
            Severity = c.Severity.ToWireName(),
            Categories = [.. c.Categories.Select(x => x.ToWireName())],
            Trigger = c.Trigger.ToWireName(),
            State = c.State.ToWireName(),
            Owner = c.Owner,
            Outcome = c.Outcome?.ToWireName(),
            TriggeringMessage = record.Message is { } m ? new TriggeringMessageView { MessageId = m.MessageId, Text = m.Text, SentAt = m.SentAt } : null,
            CreatedAt = c.CreatedAt,
            UpdatedAt = c.UpdatedAt,
            Version = c.Version,
        };
    }

    public static CaseDetailView ToDetailView(this EscalationRecord record) => new()
    {
        Case = record.ToView(),
        Notes = [.. record.Case.Notes.Select(n => new CaseNoteView { Author = n.Author, At = n.At, Text = n.Text })],
        Pages = [.. record.Case.Pages.Select(p => new CasePageView { TierIndex = p.TierIndex, Tier = p.TierName, Attempt = p.Attempt, At = p.At })],
        Audit = [.. record.Case.Audit.Select(a => new CaseAuditView
        {
            At = a.At, Actor = a.Actor, Action = a.Action, From = a.From.ToWireName(), To = a.To.ToWireName(), Detail = a.Detail,
        })],
    };

    public static bool TryParseOutcome(string? name, out EscalationOutcome outcome)
    {
        foreach (var candidate in Enum.GetValues<EscalationOutcome>())
        {
            if (string.Equals(candidate.ToWireName(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                outcome = candidate;
                return true;
            }
        }
        outcome = default;
        return false;
    }

    public static bool TryParseFilter(string? name, out CaseFilter filter)
    {
        filter = (name?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "active" => CaseFilter.Active,
            "open" => CaseFilter.Open,
            "claimed" => CaseFilter.Claimed,
            "acknowledged" => CaseFilter.Acknowledged,
            "resolved" => CaseFilter.Resolved,
            "all" => CaseFilter.All,
            _ => (CaseFilter)(-1),
        };
        return Enum.IsDefined(filter);
    }
}
