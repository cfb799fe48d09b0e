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

public sealed class InMemorySendStateReaderTests : SendStateReaderContract
{
    protected override SendStateStores CreateStores()
    {
        var (presence, history, moderation) = (new InMemoryPresenceStore(), new InMemoryHistoryStore(), new InMemoryModerationStore());
        return new SendStateStores(presence, history, moderation, new InMemorySendStateReader(presence, history, moderation));
    }
}
