using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Live;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Filters;

/// <summary>
/// Enforces <see cref="FacilitatorOnlyAttribute"/>: the caller must be an admitted facilitator of the
/// room named by the first argument, as the shared presence store says (so it holds on whichever
/// node they are connected to, and a client cannot claim a role). Refuses with <c>forbidden</c>
/// before the method runs, so a refused call changes nothing. Throws HubException itself so it is
/// correct in any filter order. The Core services check the role again (defence in depth).
/// </summary>
public sealed class FacilitatorOnlyFilter(IPresenceStore presence, ILogger<FacilitatorOnlyFilter> logger) : IHubFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> Marked = new();

    public static bool IsFacilitatorOnly(MethodInfo method) => Marked.GetOrAdd(method, m => m.IsDefined(typeof(FacilitatorOnlyAttribute), inherit: true));

    /// <summary>Unmarked methods (every message) go straight on, without an async state machine.</summary>
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
        => IsFacilitatorOnly(context.HubMethod) ? CheckAsync(context, next) : next(context);

    private async ValueTask<object?> CheckAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var roomId = context.HubMethodArguments.Count > 0 ? context.HubMethodArguments[0] as string : null;
        string userId;
        try
        {
            InputRules.RequireId(roomId, "roomId");
            userId = context.Context.User.ToCaller().UserId;
        }
        catch (PeerRoomsException ex)
        {
            throw new HubException(HubErrorMessages.Format(ex.Code, ex.Message));
        }
        var participant = await presence.GetAsync(roomId!, userId);
        if (participant is not { IsFacilitator: true, IsAdmitted: true })
        {
            ModerationLog.FacilitatorOnlyRefused(logger, context.HubMethodName, roomId);
            throw new HubException(HubErrorMessages.Format(ErrorCodes.Forbidden, "only this room's facilitators may do this"));
        }
        return await next(context);
    }
}
