using PeerRooms.Server.Http;

namespace PeerRooms.Server.Persistence;

/// <summary>Ready while PostgreSQL answers (and the schema is migrated).</summary>
public sealed class PostgresReadinessCheck(PostgresDatabase db) : IReadinessCheck
{
    public string Name => "database";

    public async Task<string?> CheckAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT 1";
        await cmd.ExecuteScalarAsync(ct);
        return null;
    }
}
