using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Security;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Filters;
using PeerRooms.Server.Http;
using PeerRooms.Server.Security;
using PeerRooms.Server.State;
using PeerRooms.Server.State.Redis;
using PeerRooms.Server.Hubs;

namespace PeerRooms.Server.Hosting;

/// <summary>
/// Security and abuse resistance (docs/operations.md, "Security and limits"): hub filters for
/// admission, rate limits and membership; origin checks and CORS; binding errors as catalogue
/// codes; the user block list and cross-node disconnect.
/// </summary>
public static class SecurityRegistration
{
    /// <summary>Call after AddSignalR, so these filters run inside ErrorTranslationFilter (which turns their refusals into codes).</summary>
    public static IServiceCollection AddPeerRoomsSecurity(this IServiceCollection services, PeerRoomsOptions options)
    {
        services.AddSingleton<IValidateOptions<PeerRoomsOptions>, SecurityOptionsValidator>();
        services.AddSingleton<OriginPolicy>();
        services.AddSingleton<UserRateLimits>();
        services.AddSingleton<SecurityAlerts>();
        var scaledOut = !string.IsNullOrWhiteSpace(options.Redis);
        if (scaledOut)
        {
            services.TryAddSingleton<RedisConnection>();
            services.AddSingleton<IUserBlockList, RedisUserBlockList>();
            services.AddSingleton(sp => new UserDisconnector(sp.GetRequiredService<NodeConnections>(),
                sp.GetRequiredService<ILogger<UserDisconnector>>(), sp.GetRequiredService<RedisConnection>()));
            services.AddHostedService<RedisDisconnectRelay>();
        }
        else
        {
            services.AddSingleton<IUserBlockList, InMemoryUserBlockList>();
            services.AddSingleton(sp => new UserDisconnector(sp.GetRequiredService<NodeConnections>(), sp.GetRequiredService<ILogger<UserDisconnector>>()));
        }

        // Order matters: admission, then rate limits (so refused calls still count), then membership.
        // Stateless filters are singletons: SignalR would otherwise construct each one per hub call.
        services.AddSingleton<ConnectionGuardFilter>();
        services.AddSingleton<UserRateLimitFilter>();
        services.AddSingleton<RoomMembershipFilter>();
        services.Configure<HubOptions>(hub =>
        {
            hub.AddFilter<ConnectionGuardFilter>();
            hub.AddFilter<UserRateLimitFilter>();
            hub.AddFilter<RoomMembershipFilter>();
        });

        // Binding failures become invalid_argument (see CatalogueErrorsProtocol). Registered after
        // the stock protocols: SignalR keeps the last protocol registered under a name.
        services.AddSingleton<IHubProtocol>(sp => new CatalogueErrorsProtocol(ActivatorUtilities.CreateInstance<JsonHubProtocol>(sp)));
        services.AddSingleton<IHubProtocol>(sp => new CatalogueErrorsProtocol(ActivatorUtilities.CreateInstance<MessagePackHubProtocol>(sp)));

        // CORS for the HTTP API from the same allow-list. Credentials are allowed because the SignalR
        // browser client sends them on negotiate; tokens travel in headers, not cookies.
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<OriginPolicy>((cors, origins) =>
            cors.AddDefaultPolicy(p => p
                .SetIsOriginAllowed(origins.IsAllowedCrossOrigin)
                .AllowAnyHeader().AllowAnyMethod().AllowCredentials()
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        // A blocked user's token is refused everywhere, not only on hub connects.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            jwt.Events ??= new JwtBearerEvents();
            var previous = jwt.Events.OnTokenValidated;
            jwt.Events.OnTokenValidated = async ctx =>
            {
                await previous(ctx);
                if (ctx.Result is not null) return;
                var blocks = ctx.HttpContext.RequestServices.GetRequiredService<IUserBlockList>();
                if (await BlockedUserCheck.ReasonAsync(blocks, ctx.Principal?.FindFirst(ClaimNames.UserId)?.Value) is { } reason)
                    ctx.Fail(reason);
            };
        });
        return services;
    }

    /// <summary>Origin checks on hub requests and CORS on the API; call before UseAuthentication.</summary>
    public static WebApplication UsePeerRoomsSecurity(this WebApplication app)
    {
        app.UseMiddleware<HubOriginMiddleware>();
        app.UseCors();
        return app;
    }

    /// <summary>Admin endpoints of the security feature.</summary>
    public static WebApplication MapPeerRoomsSecurity(this WebApplication app)
    {
        app.MapAdminUsers();
        return app;
    }
}
