namespace PeerRooms.Server.Hosting;

/// <summary>This process's id among the nodes that share live state.</summary>
public sealed record NodeIdentity(string NodeId);
