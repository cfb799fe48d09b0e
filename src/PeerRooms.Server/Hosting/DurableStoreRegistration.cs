using PeerRooms.Core.Rooms;
using PeerRooms.Server.Http;
using PeerRooms.Server.Persistence;

namespace PeerRooms.Server.Hosting;

/// <summary>
/// Chooses the durable store: PostgreSQL when <c>ConnectionStrings:PeerRooms</c> names one
/// ("Host=..."), which every node of a scaled-out deployment shares; SQLite otherwise (one file
/// under the data directory, or the "Data Source=..." given). Either way the schema is migrated on
/// start-up and readiness checks the database.
/// </summary>
public static class DurableStoreRegistration
{
    public static IServiceCollection AddDurableStore(this IServiceCollection services, IConfiguration config)
    {
        var connectionString = config.GetConnectionString("PeerRooms");
        if (PostgresDatabase.IsPostgres(connectionString))
        {
            services.AddSingleton(new PostgresDatabase(connectionString!));
            services.AddSingleton<PostgresRoomRepository>();
            services.AddSingleton<IRoomRepository>(sp => new CachedRoomRepository(sp.GetRequiredService<PostgresRoomRepository>(), sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IReadinessCheck, PostgresReadinessCheck>();
            services.AddHostedService<DatabaseMigrationService>();
            return services;
        }
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteRoomRepository>();
        services.AddSingleton<IRoomRepository>(sp => new CachedRoomRepository(sp.GetRequiredService<SqliteRoomRepository>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReadinessCheck, SqliteReadinessCheck>();
        return services;
    }
}
