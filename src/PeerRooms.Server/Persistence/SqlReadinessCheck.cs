using PeerRooms.Server.Http;

namespace PeerRooms.Server.Persistence;

/// <summary>Ready while the durable database answers (opening a connection also migrates the schema first).</summary>
public sealed class SqlReadinessCheck(IDurableDatabase db) : IReadinessCheck
{
    public string Name => "database";

    public async Task<string?> CheckAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command("SELECT 1");
        await cmd.ExecuteScalarAsync(ct);
        return null;
    }
}
