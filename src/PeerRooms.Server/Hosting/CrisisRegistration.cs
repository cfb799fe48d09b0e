using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Crisis;
using PeerRooms.Core.Escalation;
using PeerRooms.Server.Crisis;
using PeerRooms.Server.Http;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.Paging;
using PeerRooms.Server.Persistence;
using PeerRooms.Server.State;
using Polly;

namespace PeerRooms.Server.Hosting;

/// <summary>
/// Crisis detection and escalation: detector and lexicon reload, the scan send rule and the
/// escalation observer, the durable case store with its outbox, the relay and timers that page,
/// signed webhooks, the crisis hub and HTTP API.
/// </summary>
public static class CrisisRegistration
{
    public static IServiceCollection AddPeerRoomsCrisis(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<CrisisOptions>().Bind(config.GetSection(CrisisOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CrisisOptions>, CrisisOptionsValidator>();
        services.AddOptions<PagingOptions>().Bind(config.GetSection(EscalationPolicyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PagingOptions>>(_ => new PagingOptionsValidator(PolicyOptions(config)));
        services.AddSingleton(_ => PolicyOptions(config));
        services.AddSingleton(sp => new EscalationPolicy(sp.GetRequiredService<EscalationPolicyOptions>()));

        // Detection
        services.AddSingleton(sp => new ReloadableCrisisDetector(new CrisisLexiconLoader(sp.GetRequiredService<IOptions<CrisisOptions>>().Value.LexiconDirectory)));
        services.AddSingleton<ICrisisDetector>(sp => sp.GetRequiredService<ReloadableCrisisDetector>());
        services.AddHostedService<LexiconWatcher>();
        services.AddSingleton<IRiskTrajectoryStore, InMemoryRiskTrajectoryStore>();
        services.AddSingleton<ISendRule, CrisisScanSendRule>();

        // Triggers, room side
        services.AddSingleton<CrisisTriggers>();
        services.AddSingleton<IMessageObserver>(sp => sp.GetRequiredService<CrisisTriggers>());
        services.AddSingleton<IJoinRule, CrisisStaffJoinRule>();
        services.AddSingleton<CrisisResourcesCatalog>();
        services.AddSingleton<CrisisPrivateChannel>();

        // Cases, outbox, paging
        // The durable store is the source of truth across nodes: the same database the rooms live in.
        services.AddSingleton<IEscalationStore, SqlEscalationStore>();
        services.AddSingleton<EscalationService>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IEscalationNotifier, HubEscalationNotifier>();
        services.AddSingleton<PageDelivery>();
        services.AddSingleton<WebhookSender>();
        services.AddHttpClient(WebhookSender.ClientName).AddResilienceHandler("webhooks", pipeline =>
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(10));
        });
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<EscalationTimerService>();
        return services;
    }

    public static WebApplication MapPeerRoomsCrisis(this WebApplication app)
    {
        app.MapCrisis();
        app.MapHub<CrisisHub>(Core.Contracts.HubPaths.Crisis, o => o.CloseOnAuthenticationExpiration = true);
        return app;
    }

    /// <summary>Binds the tiers so configured tiers replace the defaults instead of being appended to them.</summary>
    public static EscalationPolicyOptions PolicyOptions(IConfiguration config)
    {
        var section = config.GetSection(EscalationPolicyOptions.SectionName);
        var options = new EscalationPolicyOptions();
        if (section.GetSection(nameof(EscalationPolicyOptions.Tiers)).GetChildren().Any()) options.Tiers = [];
        section.Bind(options);
        return options;
    }
}

/// <summary>Fails start-up on invalid <c>PeerRooms:Crisis</c> settings.</summary>
public sealed class CrisisOptionsValidator : IValidateOptions<CrisisOptions>
{
    public ValidateOptionsResult Validate(string? name, CrisisOptions options)
        => options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}

/// <summary>Fails start-up on invalid <c>PeerRooms:Escalation</c> settings (tiers and delivery).</summary>
public sealed class PagingOptionsValidator(EscalationPolicyOptions policy) : IValidateOptions<PagingOptions>
{
    public ValidateOptionsResult Validate(string? name, PagingOptions options)
        => options.Validate(policy) is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}
