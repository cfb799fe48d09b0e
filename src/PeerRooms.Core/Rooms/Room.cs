namespace PeerRooms.Core.Rooms;

/// <summary>A standing meeting (e.g. "Tuesday LGBTQ+ recovery circle"). Durable.</summary>
public sealed record Room
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public string Guidelines { get; init; } = "";
    /// <summary>Bumped whenever <see cref="Guidelines"/> changes; participants accept a version.</summary>
    public int GuidelinesVersion { get; init; } = 1;
    public string Language { get; init; } = "en";
    public int Capacity { get; init; } = 20;
    public IReadOnlyList<string> Facilitators { get; init; } = [];
    public RoomPolicy Policy { get; init; } = RoomPolicy.Default;
    public bool Archived { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsFacilitator(string userId) => Facilitators.Contains(userId, StringComparer.Ordinal);
}
