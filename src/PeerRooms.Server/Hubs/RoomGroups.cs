namespace PeerRooms.Server.Hubs;

/// <summary>
/// SignalR group names, all made here. A room's admitted members share one group; facilitators
/// also join a second one, so facilitator-only events never reach participants.
/// </summary>
public static class RoomGroups
{
    public static string Members(string roomId) => $"room:{roomId}";
    public static string Facilitators(string roomId) => $"room:{roomId}:facilitators";
    public static string Lobby(string roomId) => $"room:{roomId}:lobby";
}
