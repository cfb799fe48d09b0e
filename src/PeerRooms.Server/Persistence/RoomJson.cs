using System.Text.Json;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Server.Persistence;

/// <summary>How a room is stored: its fields as one JSON document, so adding a policy setting needs no migration.</summary>
internal static class RoomJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(Room room) => JsonSerializer.Serialize(room, Options);

    public static Room Deserialize(string json) =>
        JsonSerializer.Deserialize<Room>(json, Options) ?? throw new InvalidDataException("empty room row");
}
