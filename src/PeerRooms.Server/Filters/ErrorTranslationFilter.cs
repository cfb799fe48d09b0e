using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Filters;

/// <summary>
/// Every hub failure reaches the client as a HubException whose message starts with a catalogue
/// code ("code: explanation"), and the connection stays open. Null arguments are refused here once
/// for every method. Unexpected exceptions are logged (type and method only) and reported as
/// <c>internal_error</c> without details.
/// </summary>
public sealed class ErrorTranslationFilter(ILogger<ErrorTranslationFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        for (var i = 0; i < context.HubMethodArguments.Count; i++)
        {
            if (context.HubMethodArguments[i] is null)
                throw new HubException(HubErrorMessages.Format(ErrorCodes.InvalidArgument, $"argument {i + 1} of {context.HubMethodName} is required"));
        }
        try
        {
            return await next(context);
        }
        catch (PeerRoomsException ex)
        {
            PeerRoomsLog.HubCallRefused(logger, context.HubMethodName, ex.Code);
            throw new HubException(HubErrorMessages.Format(ex.Code, ex.Message));
        }
        catch (HubException)
        {
            throw;
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException)
        {
            // Shared state is unreachable: fail fast and say so; the client may retry.
            PeerRoomsLog.HubCallRefused(logger, context.HubMethodName, ErrorCodes.Unavailable);
            throw new HubException(HubErrorMessages.Format(ErrorCodes.Unavailable, "shared state is unavailable; try again shortly"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PeerRoomsLog.HubCallFailed(logger, context.HubMethodName, ex.GetType().Name);
            throw new HubException(HubErrorMessages.Format(ErrorCodes.Internal, "the server could not complete the call"));
        }
    }
}
