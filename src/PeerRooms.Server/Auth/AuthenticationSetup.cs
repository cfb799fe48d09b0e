using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PeerRooms.Core.Identity;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Server.Auth;

public static class AuthenticationSetup
{
    /// <summary>JWT bearer for HTTP and hubs. A token in the query string is accepted only on hub paths.</summary>
    public static IServiceCollection AddPeerRoomsAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<PeerRoomsOptions>, SigningKeyProvider>((jwt, options, keys) =>
            {
                var auth = options.Value.Auth;
                jwt.MapInboundClaims = false;
                // The token is not copied into the authentication result: a hub connection keeps that
                // result for hours, and nothing reads the token back (it is also dropped from the
                // request once validated, see HubTokenScrubbing).
                jwt.SaveToken = false;
                if (!string.IsNullOrWhiteSpace(auth.Authority)) jwt.Authority = auth.Authority;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    IssuerSigningKeys = string.IsNullOrWhiteSpace(auth.Authority) ? keys.ValidationKeys : null,
                    ValidateIssuerSigningKey = true,
                    NameClaimType = ClaimNames.UserId,
                    RoleClaimType = ClaimNames.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = ctx =>
                    {
                        // Browsers cannot set headers on WebSocket upgrades, so hubs take the token from
                        // the query string; nowhere else does, to keep tokens out of ordinary URLs.
                        if (ctx.Request.Path.StartsWithSegments("/hubs")
                            && ctx.Request.Query.TryGetValue("access_token", out var token))
                        {
                            ctx.Token = token;
                        }
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = ctx =>
                    {
                        // Keep only what PeerRooms reads; a hub connection holds its principal for hours.
                        if (ctx.Principal is { } principal) ctx.Principal = ConnectionPrincipal.Slim(principal);
                        // ExpiresUtc stays (SignalR closes the connection when it passes); nothing reads IssuedUtc.
                        ctx.Properties.IssuedUtc = null;
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Policies.RoomReaders, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Facilitator))
            .AddPolicy(Policies.CrisisStaff, p => p.RequireAuthenticatedUser().RequireRole(Roles.CrisisStaff, Roles.Admin))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }
}

public static class Policies
{
    public const string Admin = "admin";
    public const string RoomReaders = "room-readers";
    public const string CrisisStaff = "crisis-staff";
}

/// <summary>SignalR's user id is the token's subject, so per-user groups work on every node.</summary>
internal sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User.FindFirst(ClaimNames.UserId)?.Value;
}
