using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Escalation;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Crisis;
using PeerRooms.Server.Paging;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// The crisis hub at <c>/hubs/crisis</c>, for crisis staff and admins. Staff join the
/// <see cref="CrisisGroups.Staff"/> group on connect (pages and case updates reach them on any node
/// through the backplane) and receive the open cases at once. Every case change goes through
/// <see cref="EscalationService"/>, which decides with a conditional write in the durable store.
/// </summary>
[Authorize(Policy = Policies.CrisisStaff)]
public sealed class CrisisHub(EscalationService escalations, IEscalationStore store, CrisisPrivateChannel channel, IOptions<PagingOptions> paging) : Hub<ICrisisClient>
{
    public const int MaxListed = 500;

    public override async Task OnConnectedAsync()
    {
        var caller = Context.User.ToCaller();
        await Groups.AddToGroupAsync(Context.ConnectionId, CrisisGroups.Staff);
        if (caller.IsAdmin || paging.Value.SupervisorUserIds.Contains(caller.UserId, StringComparer.Ordinal))
            await Groups.AddToGroupAsync(Context.ConnectionId, CrisisGroups.Supervisors);
        await Clients.Caller.OpenCases(await GetOpenCases());
        await base.OnConnectedAsync();
    }

    /// <summary>Every case not resolved, oldest first. An array: MessagePack serializes by runtime type.</summary>
    public async Task<CaseView[]> GetOpenCases()
        => (await store.ListAsync(CaseFilter.Active, MaxListed)).Select(r => r.ToView()).ToArray();

    public async Task<CaseDetailView> GetCase(string caseId)
        => (await store.GetAsync(InputRules.RequireId(caseId, "caseId")) ?? throw PeerRoomsException.NotFound("case not found")).ToDetailView();

    public async Task<CaseView> ClaimCase(string caseId)
        => (await escalations.ClaimAsync(caseId, Context.User.ToCaller().UserId)).ToView();

    public async Task<CaseView> ReleaseCase(string caseId)
        => (await escalations.ReleaseAsync(caseId, Context.User.ToCaller().UserId)).ToView();

    public async Task<CaseView> AcknowledgeCase(string caseId)
        => (await escalations.AcknowledgeAsync(caseId, Context.User.ToCaller().UserId)).ToView();

    public async Task<CaseView> AddCaseNote(string caseId, string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000) throw PeerRoomsException.Invalid("text must be 1-4000 characters");
        InputRules.RequireWellFormed(text, "text");
        return (await escalations.AddNoteAsync(caseId, Context.User.ToCaller().UserId, text)).ToView();
    }

    public async Task<CaseView> ResolveCase(ResolveCaseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CaseViews.TryParseOutcome(request.Outcome, out var outcome)) throw PeerRoomsException.Invalid("unknown outcome");
        if (request.Note is { Length: > 4000 }) throw PeerRoomsException.Invalid("note must be at most 4000 characters");
        return (await escalations.ResolveAsync(request.CaseId, Context.User.ToCaller().UserId, outcome, request.Note)).ToView();
    }

    public Task<PrivateMessageView> SendPrivateMessage(PrivateMessageRequest request)
        => channel.FromStaffAsync(Context.User.ToCaller(), request);
}
