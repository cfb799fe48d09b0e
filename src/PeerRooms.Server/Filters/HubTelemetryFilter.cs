using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Telemetry;

namespace PeerRooms.Server.Filters;

/// <summary>
/// The outermost hub filter: one activity and one latency measurement per hub invocation, errors
/// counted by method and catalogue code (read from the HubException that
/// <see cref="ErrorTranslationFilter"/> produced), and the open-connections gauge. It sees the room id
/// of calls that carry one (a <c>roomId</c> argument or a request's <c>RoomId</c>) and tags the
/// activity with it when it is well-formed; it never reads text or names.
/// <para>
/// It runs on every message, so the usual case costs no allocation: without a trace listener no
/// activity, name or room id is made, and a call that completes synchronously is measured without
/// an async state machine (<see cref="InvokeMethodAsync"/>).
/// </para>
/// </summary>
public sealed class HubTelemetryFilter(PeerRoomsMetrics metrics) : IHubFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<IReadOnlyList<object?>, string?>> RoomIdReaders = new();

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (PeerRoomsActivities.Source.HasListeners()) return InvokeTracedAsync(context, next);
        var started = Stopwatch.GetTimestamp();
        ValueTask<object?> pending;
        try
        {
            pending = next(context);
        }
        catch (Exception ex)
        {
            metrics.HubInvocation(context.HubMethodName, CodeOf(ex), Stopwatch.GetElapsedTime(started));
            throw;
        }
        if (!pending.IsCompletedSuccessfully) return MeasureAsync(pending, context.HubMethodName, started);
        metrics.HubInvocation(context.HubMethodName, null, Stopwatch.GetElapsedTime(started));
        return pending;
    }

    /// <summary>The rest of an untraced call that did not complete synchronously.</summary>
    private async ValueTask<object?> MeasureAsync(ValueTask<object?> pending, string method, long started)
    {
        string? code = null;
        try
        {
            return await pending;
        }
        catch (Exception ex)
        {
            code = CodeOf(ex);
            throw;
        }
        finally
        {
            metrics.HubInvocation(method, code, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>A call while a tracer listens: the same measurement inside an activity (restored as the caller's current one when done).</summary>
    private async ValueTask<object?> InvokeTracedAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = context.HubMethodName;
        using var activity = PeerRoomsActivities.StartHubInvocation(context.Hub.GetType().Name, method, RoomIdOf(context));
        var started = Stopwatch.GetTimestamp();
        string? code = null;
        try
        {
            return await next(context);
        }
        catch (Exception ex)
        {
            code = CodeOf(ex);
            throw;
        }
        finally
        {
            metrics.HubInvocation(method, code, Stopwatch.GetElapsedTime(started));
            if (code is not null) activity?.SetError(code);
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        // Counted only once OnConnectedAsync succeeded: SignalR calls OnDisconnectedAsync only then.
        metrics.ConnectionOpened();
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            metrics.ConnectionClosed();
        }
    }

    /// <summary>The catalogue code of a failed call: the translated HubException's, <c>canceled</c>, or <c>internal_error</c>.</summary>
    private static string CodeOf(Exception ex) => ex switch
    {
        HubException hub => HubErrorMessages.TryParseCode(hub.Message) ?? ErrorCodes.Internal,
        OperationCanceledException => "canceled",
        _ => ErrorCodes.Internal,
    };

    private static string? RoomIdOf(HubInvocationContext context)
    {
        var reader = RoomIdReaders.GetOrAdd(context.HubMethod, BuildReader);
        var roomId = reader(context.HubMethodArguments);
        return IsWellFormedId(roomId) ? roomId : null;
    }

    private static bool IsWellFormedId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > InputRules.MaxIdLength) return false;
        foreach (var c in id) if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        return true;
    }

    /// <summary>Finds, once per method, where its room id is: a string parameter named roomId, or a RoomId property.</summary>
    private static Func<IReadOnlyList<object?>, string?> BuildReader(MethodInfo method)
    {
        var parameters = method.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var index = i;
            var p = parameters[i];
            if (p.ParameterType == typeof(string) && string.Equals(p.Name, "roomId", StringComparison.OrdinalIgnoreCase))
                return args => index < args.Count ? args[index] as string : null;
            if (p.ParameterType.GetProperty("RoomId", BindingFlags.Public | BindingFlags.Instance) is { } prop && prop.PropertyType == typeof(string))
                return args => index < args.Count && args[index] is { } arg ? prop.GetValue(arg) as string : null;
        }
        return static _ => null;
    }
}
