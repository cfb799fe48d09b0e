using PeerRooms.Core.Crisis;
using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Escalation;

/// <summary>
/// One crisis escalation: the aggregate that facilitators and crisis staff work on. It guards its
/// own transitions (<c>open → claimed → acknowledged → resolved</c>) and throws a
/// <see cref="PeerRoomsException"/> with <see cref="ErrorCodes.InvalidState"/>,
/// <see cref="ErrorCodes.AlreadyClaimed"/> or <see cref="ErrorCodes.Forbidden"/> on an illegal move,
/// before changing anything. Every change appends an <see cref="EscalationAuditEntry"/>. Pure: the
/// caller passes the time (from its TimeProvider) and persists the case; no I/O here. Not
/// thread-safe: the store serialises changes to one case (optimistic concurrency on
/// <see cref="Version"/>).
/// </summary>
public sealed partial class EscalationCase
{
    private readonly List<EscalationNote> _notes = [];
    private readonly List<EscalationAuditEntry> _audit = [];
    private readonly List<EscalationPage> _pages = [];
    private readonly List<CrisisCategory> _categories = [];

    private EscalationCase(EscalationRequest request, DateTimeOffset now)
    {
        Id = request.CaseId;
        RoomId = request.RoomId;
        Subject = request.Subject;
        Severity = request.Severity;
        _categories.AddRange(request.Categories.Distinct());
        Trigger = request.Trigger;
        TriggeringMessageId = request.TriggeringMessageId;
        CreatedAt = UpdatedAt = now;
        _audit.Add(new EscalationAuditEntry(now, request.RaisedBy, "opened", EscalationState.Open, EscalationState.Open,
            $"{request.Trigger.ToWireName()}:{request.Severity.ToWireName()}"));
    }

    public string Id { get; }

    public string RoomId { get; }

    public EscalationSubject Subject { get; }

    public CrisisSeverity Severity { get; private set; }

    public IReadOnlyList<CrisisCategory> Categories => _categories;

    public EscalationTrigger Trigger { get; }

    /// <summary>The message that triggered the case, if any. Its text is never stored here.</summary>
    public string? TriggeringMessageId { get; }

    public EscalationState State { get; private set; } = EscalationState.Open;

    /// <summary>Who claimed the case; null while open.</summary>
    public string? Owner { get; private set; }

    public EscalationOutcome? Outcome { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Incremented on every change; stores use it for optimistic concurrency.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<EscalationNote> Notes => _notes;

    /// <summary>Pages sent so far, oldest first. <see cref="EscalationPolicy.NextAction"/> reads them.</summary>
    public IReadOnlyList<EscalationPage> Pages => _pages;

    public IReadOnlyList<EscalationAuditEntry> Audit => _audit;

    /// <summary>True while paging may continue: not yet acknowledged or resolved.</summary>
    public bool AwaitingAcknowledgement => State is EscalationState.Open or EscalationState.Claimed;

    /// <summary>Opens a case. Severity must be at least concern.</summary>
    public static EscalationCase Open(EscalationRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(!string.IsNullOrWhiteSpace(request.CaseId), "A case needs an id.");
        Require(!string.IsNullOrWhiteSpace(request.RoomId), "A case needs a room.");
        Require(!string.IsNullOrWhiteSpace(request.Subject.ParticipantId), "A case needs a participant.");
        Require(request.Severity > CrisisSeverity.None, "A case needs a severity of concern or above.");
        return new EscalationCase(request, now);
    }

    /// <summary>
    /// Takes ownership. Claiming a case one already owns is a no-op (safe to retry); a case owned by
    /// someone else fails with <see cref="ErrorCodes.AlreadyClaimed"/>.
    /// </summary>
    public void Claim(string staffId, DateTimeOffset now)
    {
        RequireActor(staffId);
        if (State is EscalationState.Claimed or EscalationState.Acknowledged && Owner == staffId)
        {
            return;
        }

        if (State is EscalationState.Claimed or EscalationState.Acknowledged)
        {
            throw new PeerRoomsException(ErrorCodes.AlreadyClaimed, $"Case {Id} is already claimed by someone else.");
        }

        RequireState(EscalationState.Open, "claim");
        Owner = staffId;
        Move(EscalationState.Claimed, staffId, "claimed", now);
    }

    /// <summary>Gives a claimed (not yet acknowledged) case back to the queue. Owner only.</summary>
    public void Release(string staffId, DateTimeOffset now)
    {
        RequireState(EscalationState.Claimed, "release");
        RequireOwner(staffId);
        Owner = null;
        Move(EscalationState.Open, staffId, "released", now);
    }

    /// <summary>The owner confirms they are acting; paging stops. Idempotent for the owner.</summary>
    public void Acknowledge(string staffId, DateTimeOffset now)
    {
        if (State == EscalationState.Acknowledged && Owner == staffId)
        {
            return;
        }

        RequireState(EscalationState.Claimed, "acknowledge");
        RequireOwner(staffId);
        Move(EscalationState.Acknowledged, staffId, "acknowledged", now);
    }

    /// <summary>Closes the case with an outcome. Owner only, from claimed or acknowledged.</summary>
    public void Resolve(string staffId, EscalationOutcome outcome, DateTimeOffset now, string? note = null)
    {
        if (State is not (EscalationState.Claimed or EscalationState.Acknowledged))
        {
            throw InvalidState("resolve");
        }

        RequireOwner(staffId);
        if (!string.IsNullOrWhiteSpace(note))
        {
            _notes.Add(new EscalationNote(staffId, now, note.Trim()));
        }

        Outcome = outcome;
        Move(EscalationState.Resolved, staffId, "resolved", now, outcome.ToWireName());
    }

    /// <summary>Adds a note. Allowed in every state (follow-up notes after resolution are normal).</summary>
    public void AddNote(string author, string text, DateTimeOffset now)
    {
        RequireActor(author);
        Require(!string.IsNullOrWhiteSpace(text), "A note needs text.");
        _notes.Add(new EscalationNote(author, now, text.Trim()));
        Touch(author, "note_added", now, null);
    }

    /// <summary>
    /// Raises severity when later messages are worse (never lowers it: a case is not downgraded by
    /// a calmer message). Adds new categories. Not allowed once resolved.
    /// </summary>
    public void Raise(CrisisSeverity severity, IEnumerable<CrisisCategory> categories, string actor, DateTimeOffset now)
    {
        if (State == EscalationState.Resolved)
        {
            throw InvalidState("raise");
        }

        var added = categories.Where(c => !_categories.Contains(c)).Distinct().ToList();
        if (severity <= Severity && added.Count == 0)
        {
            return;
        }

        var detail = $"{Severity.ToWireName()}->{(severity > Severity ? severity : Severity).ToWireName()}";
        Severity = severity > Severity ? severity : Severity;
        _categories.AddRange(added);
        Touch(actor, "raised", now, detail);
    }

    /// <summary>Records that a tier was paged. Only while awaiting acknowledgement.</summary>
    public void RecordPage(int tierIndex, string tierName, DateTimeOffset now)
    {
        if (!AwaitingAcknowledgement)
        {
            throw InvalidState("page");
        }

        Require(tierIndex >= 0, "Tier index must not be negative.");
        var attempt = _pages.Count(p => p.TierIndex == tierIndex) + 1;
        _pages.Add(new EscalationPage(tierIndex, tierName, attempt, now));
        Touch("system", "paged", now, $"{tierName}#{attempt}");
    }

    private void Move(EscalationState to, string actor, string action, DateTimeOffset now, string? detail = null)
    {
        var from = State;
        State = to;
        UpdatedAt = now;
        Version++;
        _audit.Add(new EscalationAuditEntry(now, actor, action, from, to, detail));
    }

    private void Touch(string actor, string action, DateTimeOffset now, string? detail) => Move(State, actor, action, now, detail);

    private void RequireState(EscalationState expected, string operation)
    {
        if (State != expected)
        {
            throw InvalidState(operation);
        }
    }

    private void RequireOwner(string staffId)
    {
        RequireActor(staffId);
        if (Owner != staffId)
        {
            throw PeerRoomsException.Forbidden($"Only the owner of case {Id} may do that.");
        }
    }

    private PeerRoomsException InvalidState(string operation) =>
        new(ErrorCodes.InvalidState, $"Cannot {operation} case {Id} while it is {State.ToWireName()}.");

    private static void RequireActor(string actor) => Require(!string.IsNullOrWhiteSpace(actor), "An actor id is required.");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw PeerRoomsException.Invalid(message);
        }
    }
}
