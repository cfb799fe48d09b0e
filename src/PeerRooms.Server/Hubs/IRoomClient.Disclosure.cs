using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Hubs;

/// <summary>Events of the disclosure feature (names in <see cref="DisclosureEvents"/>).</summary>
public partial interface IRoomClient
{
    /// <summary>The author retracted a message; remove it from view and local history.</summary>
    Task MessageRetracted(MessageRetractedEvent e);
}
