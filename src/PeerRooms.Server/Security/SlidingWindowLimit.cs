namespace PeerRooms.Server.Security;

/// <summary>
/// One limit of <see cref="SlidingWindowCounters"/>: at most <see cref="Permits"/> within any
/// <see cref="Window"/>, counted in <see cref="Segments"/> slots.
/// </summary>
public readonly record struct SlidingWindowLimit(int Permits, TimeSpan Window, int Segments);
