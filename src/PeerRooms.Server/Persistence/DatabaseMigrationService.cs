using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// Migrates PostgreSQL at start-up so schema problems show in the log at once. Does not block
/// start-up when the database is not reachable yet: the node reports not-ready until it is, and
/// the first use migrates.
/// </summary>
public sealed class DatabaseMigrationService(PostgresDatabase db, ILogger<DatabaseMigrationService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try { await db.EnsureMigratedAsync(); }
            catch (Exception ex) { ScaleOutLog.DatabaseMigrationDeferred(logger, ex.GetType().Name); }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
