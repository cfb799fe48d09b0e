using Microsoft.AspNetCore.SignalR;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// The rooms one connection has joined, kept as a feature of the connection (it lives on one node).
/// Sized for the usual single room: a lock and a copy-on-write array, about 60 bytes per connection.
/// It is a connection feature rather than an entry in <c>HubCallerContext.Items</c> because SignalR
/// creates that dictionary (0.4 KB) on first use, which at 10,000 idle connections is 4 MB for one
/// entry. <see cref="Attach"/> runs when the connection opens (before any other thread can look), so
/// later lookups only read the feature collection.
/// </summary>
public sealed class ConnectionRooms
{
    private readonly Lock _gate = new();
    private string[] _rooms = [];

    /// <summary>The connection's room set; attached on first use if the hub did not attach it on connect.</summary>
    public static ConnectionRooms Of(HubCallerContext context)
    {
        if (context.Features.Get<ConnectionRooms>() is { } rooms) return rooms;
        lock (context.Features)
        {
            return context.Features.Get<ConnectionRooms>() ?? Attach(context);
        }
    }

    /// <summary>Gives a newly opened connection its (empty) room set.</summary>
    public static ConnectionRooms Attach(HubCallerContext context)
    {
        var rooms = new ConnectionRooms();
        context.Features.Set(rooms);
        return rooms;
    }

    /// <summary>How many rooms the connection is in.</summary>
    public int Count => Volatile.Read(ref _rooms).Length;

    /// <summary>The joined rooms now (a snapshot: later joins and leaves do not change it).</summary>
    public IReadOnlyList<string> Snapshot() => Volatile.Read(ref _rooms);

    public bool Contains(string roomId) => Array.IndexOf(Volatile.Read(ref _rooms), roomId) >= 0;

    /// <summary>Adds the room; false when the connection was already in it.</summary>
    public bool TryAdd(string roomId)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_rooms, roomId) >= 0) return false;
            Volatile.Write(ref _rooms, [.. _rooms, roomId]);
            return true;
        }
    }

    /// <summary>Removes the room; false when the connection was not in it.</summary>
    public bool TryRemove(string roomId)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_rooms, roomId);
            if (index < 0) return false;
            Volatile.Write(ref _rooms, [.. _rooms.AsSpan(0, index), .. _rooms.AsSpan(index + 1)]);
            return true;
        }
    }
}
