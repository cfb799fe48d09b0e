namespace PeerRooms.Core.Chat;

/// <summary>Input limits for chat; bound from <c>PeerRooms:Limits</c> with safe defaults.</summary>
public sealed record ChatLimits
{
    public int MaxMessageLength { get; init; } = 4000;
    public int MaxDisplayNameLength { get; init; } = 40;
    public int MaxRoomsPerConnection { get; init; } = 5;
    /// <summary>History a late joiner receives on join.</summary>
    public int HistoryOnJoin { get; init; } = 50;
}
