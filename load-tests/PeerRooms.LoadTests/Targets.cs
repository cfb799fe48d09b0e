namespace PeerRooms.LoadTests;

/// <summary>
/// A system under load: PeerRooms (through the typed client) or the bare relay hub. Scenarios only
/// see this interface, so both receive exactly the same load.
/// </summary>
public interface ILoadTarget : IAsyncDisposable
{
    /// <summary>"peerrooms" (the target under test), a PeerRooms baseline ("node", "redis-node") or "bare".</summary>
    string Name { get; }

    /// <summary>Server processes whose CPU and memory are measured (empty for servers started elsewhere).</summary>
    IReadOnlyList<int> ServerPids { get; }

    int Nodes { get; }

    /// <summary>Creates <paramref name="rooms"/> rooms that hold <paramref name="capacity"/> members, and credentials for <paramref name="connections"/> users.</summary>
    Task PrepareAsync(int rooms, int capacity, int connections, CancellationToken ct);

    /// <summary>The id of room <paramref name="index"/> (after <see cref="PrepareAsync"/>).</summary>
    string Room(int index);

    /// <summary>Opens connection <paramref name="index"/>; every message it receives goes to <paramref name="onMessage"/>.</summary>
    Task<ILoadConnection> ConnectAsync(int index, Action<string> onMessage, Action onFault, CancellationToken ct);
}

/// <summary>One client connection of the load.</summary>
public interface ILoadConnection : IAsyncDisposable
{
    Task JoinAsync(string room, CancellationToken ct);
    Task LeaveAsync(string room, CancellationToken ct);
    /// <summary>Sends and waits for the server's acknowledgement.</summary>
    Task SendAsync(string room, string text, CancellationToken ct);
}
