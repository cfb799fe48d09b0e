using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Filters;

/// <summary>
/// Every hub failure reaches the client as a HubException whose message starts with a catalogue
/// code ("code: explanation"), and the connection stays open. Null arguments are refused here once
/// for every method. Unexpected exceptions are logged (type and method only) and reported as
/// <c>internal_error</c> without details. A call that completes synchronously passes through
/// without an async state machine (this runs on every message).
/// </summary>
public sealed class ErrorTranslationFilter(ILogger<ErrorTranslationFilter> logger) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        for (var i = 0; i < context.HubMethodArguments.Count; i++)
        {
            if (context.HubMethodArguments[i] is null)
                throw new HubException(HubErrorMessages.Format(ErrorCodes.InvalidArgument, $"argument {i + 1} of {context.HubMethodName} is required"));
        }
        ValueTask<object?> pending;
        try
        {
            pending = next(context);
        }
        catch (Exception ex) when (Translate(ex, context.HubMethodName) is { } translated)
        {
            throw translated;
        }
        return pending.IsCompletedSuccessfully ? pending : AwaitAsync(pending, context.HubMethodName);
    }

    private async ValueTask<object?> AwaitAsync(ValueTask<object?> pending, string method)
    {
        try
        {
            return await pending;
        }
        catch (Exception ex) when (Translate(ex, method) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The HubException to throw instead of <paramref name="ex"/>, or null to let it through (HubException, cancellation).</summary>
    private HubException? Translate(Exception ex, string method)
    {
        switch (ex)
        {
            case PeerRoomsException refused:
                PeerRoomsLog.HubCallRefused(logger, method, refused.Code);
                return new HubException(HubErrorMessages.Format(refused.Code, refused.Message));
            case HubException or OperationCanceledException:
                return null;
            case StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException:
                // Shared state is unreachable: fail fast and say so; the client may retry.
                PeerRoomsLog.HubCallRefused(logger, method, ErrorCodes.Unavailable);
                return new HubException(HubErrorMessages.Format(ErrorCodes.Unavailable, "shared state is unavailable; try again shortly"));
            default:
                PeerRoomsLog.HubCallFailed(logger, method, ex.GetType().Name);
                return new HubException(HubErrorMessages.Format(ErrorCodes.Internal, "the server could not complete the call"));
        }
    }
}
