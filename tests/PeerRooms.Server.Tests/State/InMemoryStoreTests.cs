using PeerRooms.Core.Live;
using PeerRooms.Server.State;

namespace PeerRooms.Server.Tests.State;

public sealed class InMemoryPresenceStoreTests : PresenceStoreContract
{
    protected override IPresenceStore CreateStore() => new InMemoryPresenceStore();
}

public sealed class InMemoryHistoryStoreTests : HistoryStoreContract
{
    protected override IHistoryStore CreateStore() => new InMemoryHistoryStore();
}

public sealed class InMemoryNodeLeaseStoreTests : NodeLeaseStoreContract
{
    protected override INodeLeaseStore CreateStore() => new InMemoryNodeLeaseStore();
}
