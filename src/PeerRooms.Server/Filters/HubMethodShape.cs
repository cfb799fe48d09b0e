using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;

namespace PeerRooms.Server.Filters;

/// <summary>
/// What the security filters need to know about a hub method, read once by reflection and cached:
/// where its room id is (a string parameter named <c>roomId</c>, or a request object's
/// <c>RoomId</c> property), its membership and role attributes, and its extra rate limits.
/// New hub methods are covered automatically by following the roomId naming convention.
/// </summary>
public sealed class HubMethodShape
{
    private static readonly ConcurrentDictionary<MethodInfo, HubMethodShape> Cache = new();

    private readonly int _roomIdArgument = -1;
    private readonly PropertyInfo? _roomIdProperty;

    private HubMethodShape(MethodInfo method)
    {
        var parameters = method.GetParameters();
        for (var i = 0; i < parameters.Length && _roomIdArgument < 0; i++)
        {
            var p = parameters[i];
            if (p.ParameterType == typeof(string) && string.Equals(p.Name, "roomId", StringComparison.OrdinalIgnoreCase))
            {
                _roomIdArgument = i;
            }
            else if (p.ParameterType.IsClass && p.ParameterType != typeof(string)
                && p.ParameterType.GetProperty("RoomId", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var t } prop && t == typeof(string))
            {
                _roomIdArgument = i;
                _roomIdProperty = prop;
            }
        }
        AllowNonMember = method.IsDefined(typeof(AllowNonMemberAttribute), true)
            || method.DeclaringType?.IsDefined(typeof(AllowNonMemberAttribute), true) == true;
        RequiredRoomRoles = method.GetCustomAttribute<RequireRoomRoleAttribute>(true)?.Roles ?? [];
        ExtraLimits = [.. method.GetCustomAttributes<RateLimitAttribute>(true).Select(a => a.Limit).Distinct()];
    }

    public static HubMethodShape Of(HubInvocationContext context) => Cache.GetOrAdd(context.HubMethod, static m => new HubMethodShape(m));

    public bool TakesRoomId => _roomIdArgument >= 0;
    public bool AllowNonMember { get; }
    public IReadOnlyList<string> RequiredRoomRoles { get; }
    public IReadOnlyList<string> ExtraLimits { get; }

    /// <summary>The room id the call names, or null when the method takes none (or the argument is null).</summary>
    public string? RoomIdOf(HubInvocationContext context)
    {
        if (_roomIdArgument < 0 || _roomIdArgument >= context.HubMethodArguments.Count) return null;
        var argument = context.HubMethodArguments[_roomIdArgument];
        return _roomIdProperty is null ? argument as string : argument is null ? null : _roomIdProperty.GetValue(argument) as string;
    }
}
