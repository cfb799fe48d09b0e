using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Hubs;

/// <summary>Events the crisis hub sends (names: <see cref="CrisisEvents"/>).</summary>
public interface ICrisisClient
{
    Task OpenCases(IReadOnlyList<CaseView> cases);
    Task CasePaged(CasePagedEvent e);
    Task CaseUpdated(CaseView e);
    Task PrivateMessageReceived(PrivateMessageView e);
}
