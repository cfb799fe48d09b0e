using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Hubs;

/// <summary>Events the crisis hub sends (names: <see cref="CrisisEvents"/>).</summary>
public interface ICrisisClient
{
    /// <remarks>Arrays, not interfaces: MessagePack serializes hub arguments by their runtime type.</remarks>
    Task OpenCases(CaseView[] cases);
    Task CasePaged(CasePagedEvent e);
    Task CaseUpdated(CaseView e);
    Task PrivateMessageReceived(PrivateMessageView e);
}
