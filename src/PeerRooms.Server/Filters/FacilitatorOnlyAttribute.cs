namespace PeerRooms.Server.Filters;

/// <summary>
/// Marks a rooms-hub method only the room's facilitators may call. The method's first argument is
/// the room id; <see cref="FacilitatorOnlyFilter"/> checks the caller's role in that room against
/// shared presence before the method runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FacilitatorOnlyAttribute : Attribute;
