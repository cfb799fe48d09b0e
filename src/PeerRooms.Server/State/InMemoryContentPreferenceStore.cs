using System.Collections.Concurrent;
using PeerRooms.Core.Disclosure;

namespace PeerRooms.Server.State;

/// <summary>Content preferences for a single node; gone when the process ends.</summary>
public sealed class InMemoryContentPreferenceStore : IContentPreferenceStore
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _topics = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<string>> GetCollapsedTopicsAsync(string userId, CancellationToken ct = default)
        => Task.FromResult(_topics.TryGetValue(userId, out var topics) ? topics : (IReadOnlyList<string>)[]);

    public Task SetCollapsedTopicsAsync(string userId, IReadOnlyList<string> topics, CancellationToken ct = default)
    {
        if (topics.Count == 0) _topics.TryRemove(userId, out _);
        else _topics[userId] = topics.ToArray();
        return Task.CompletedTask;
    }
}
