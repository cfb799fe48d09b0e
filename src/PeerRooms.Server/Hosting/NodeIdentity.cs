namespace PeerRooms.Server.Hosting;

/// <summary>
/// This process's id among the nodes that share live state: the configured <c>PeerRooms:NodeId</c>
/// (or "node") plus a random suffix per process. The suffix matters: connections in Redis are
/// tagged with the node id, and a restarted process must not inherit (and keep alive through its
/// lease) the dead connections of its predecessor; those are swept when the old lease lapses.
/// </summary>
public sealed record NodeIdentity(string NodeId)
{
    public static NodeIdentity ForThisProcess(string? configured)
    {
        var name = string.IsNullOrWhiteSpace(configured) ? "node" : configured.Trim();
        return new NodeIdentity($"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
    }
}
