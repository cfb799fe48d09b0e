using PeerRooms.Core.Rooms;
using PeerRooms.Server.Http;
using PeerRooms.Server.Persistence;

namespace PeerRooms.Server.Hosting;

/// <summary>
/// Chooses the durable store: PostgreSQL when <c>ConnectionStrings:PeerRooms</c> names one
/// ("Host=..."), which every node of a scaled-out deployment shares; SQLite otherwise (one file
/// under the data directory, or the "Data Source=..." given). Either way the schema is migrated on
/// start-up and readiness checks the database. The chosen database is registered as
/// <see cref="IDurableDatabase"/>: every durable port is one <c>Sql*</c> store written over
/// System.Data.Common that takes it (and its <see cref="SqlDialect"/>), so each port follows the
/// same choice whatever order features register in.
/// </summary>
public static class DurableStoreRegistration
{
    public static IServiceCollection AddDurableStore(this IServiceCollection services, IConfiguration config)
    {
        var connectionString = config.GetConnectionString("PeerRooms");
        if (PostgresDatabase.IsPostgres(connectionString))
        {
            services.AddSingleton(new PostgresDatabase(connectionString!));
            services.AddSingleton<IDurableDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
            services.AddHostedService<DatabaseMigrationService>();
        }
        else
        {
            services.AddSingleton<SqliteDatabase>();
            services.AddSingleton<IDurableDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
        }
        services.AddSingleton<SqlRoomRepository>();
        services.AddSingleton<IRoomRepository>(sp => new CachedRoomRepository(sp.GetRequiredService<SqlRoomRepository>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReadinessCheck, SqlReadinessCheck>();
        return services;
    }
}
