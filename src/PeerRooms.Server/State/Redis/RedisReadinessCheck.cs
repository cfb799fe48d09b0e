using PeerRooms.Server.Http;

namespace PeerRooms.Server.State.Redis;

/// <summary>Ready while Redis answers a PING.</summary>
public sealed class RedisReadinessCheck(RedisConnection redis) : IReadinessCheck
{
    public string Name => "redis";

    public async Task<string?> CheckAsync(CancellationToken ct)
    {
        var multiplexer = await redis.MultiplexerAsync().WaitAsync(ct);
        if (!multiplexer.IsConnected) return "not connected";
        await multiplexer.GetDatabase().PingAsync().WaitAsync(ct);
        return null;
    }
}
