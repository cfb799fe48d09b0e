using PeerRooms.Core.Rooms;
using PeerRooms.Server.Http;
using PeerRooms.Server.Persistence;

namespace PeerRooms.Server.Hosting;

/// <summary>
/// Chooses the durable store: PostgreSQL when <c>ConnectionStrings:PeerRooms</c> names one
/// ("Host=..."), which every node of a scaled-out deployment shares; SQLite otherwise (one file
/// under the data directory, or the "Data Source=..." given). Either way the schema is migrated on
/// start-up and readiness checks the database. The chosen one is also registered as
/// <see cref="IDurableDatabase"/>: stores written once over System.Data.Common take that (and its
/// <see cref="SqlDialect"/>); stores still written per database register with
/// <see cref="AddDurable{TService, TSqlite, TPostgres}"/>, so each port follows the same choice.
/// </summary>
public static class DurableStoreRegistration
{
    public static IServiceCollection AddDurableStore(this IServiceCollection services, IConfiguration config)
    {
        var connectionString = config.GetConnectionString("PeerRooms");
        var postgres = PostgresDatabase.IsPostgres(connectionString);
        services.AddSingleton(new DurableStore(postgres));
        if (postgres)
        {
            services.AddSingleton(new PostgresDatabase(connectionString!));
            services.AddSingleton<IDurableDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
            services.AddSingleton<PostgresRoomRepository>();
            services.AddSingleton<IRoomRepository>(sp => new CachedRoomRepository(sp.GetRequiredService<PostgresRoomRepository>(), sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IReadinessCheck, PostgresReadinessCheck>();
            services.AddHostedService<DatabaseMigrationService>();
            return services;
        }
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IDurableDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<SqliteRoomRepository>();
        services.AddSingleton<IRoomRepository>(sp => new CachedRoomRepository(sp.GetRequiredService<SqliteRoomRepository>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReadinessCheck, SqliteReadinessCheck>();
        return services;
    }

    /// <summary>
    /// Registers a durable port with its SQLite and PostgreSQL implementations; the one matching the
    /// configured store is created (independent of registration order).
    /// </summary>
    public static IServiceCollection AddDurable<TService, TSqlite, TPostgres>(this IServiceCollection services)
        where TService : class
        where TSqlite : class, TService
        where TPostgres : class, TService
    {
        services.AddSingleton<TService>(sp => sp.GetRequiredService<DurableStore>().IsPostgres
            ? ActivatorUtilities.CreateInstance<TPostgres>(sp)
            : ActivatorUtilities.CreateInstance<TSqlite>(sp));
        return services;
    }
}

/// <summary>Which durable store this node uses (PostgreSQL when scaled out, SQLite otherwise).</summary>
public sealed record DurableStore(bool IsPostgres);
