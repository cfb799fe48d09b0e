using Microsoft.Extensions.Options;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Disclosure;
using PeerRooms.Server.Disclosure;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.Persistence;
using PeerRooms.Server.State;
using PeerRooms.Server.State.Redis;

namespace PeerRooms.Server.Hosting;

/// <summary>
/// Wiring of the safe-disclosure feature: its join and send rules, the transcript observer and
/// purge job, its stores (live: in memory or Redis, chosen like the other live state; durable:
/// PostgreSQL or SQLite, whichever the durable store is).
/// </summary>
public static class DisclosureRegistration
{
    public static IServiceCollection AddDisclosure(this IServiceCollection services, PeerRoomsOptions options)
    {
        services.AddOptions<DisclosureOptions>().BindConfiguration(DisclosureOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DisclosureOptions>, DisclosureOptionsValidator>();

        services.AddSingleton<IJoinRule, AttributesJoinRule>();
        services.AddSingleton<IJoinRule, GuidelinesJoinRule>();
        services.AddSingleton<ISendRule, MessageDisclosureRule>();
        services.AddSingleton<ISendRule, PiiRedactionRule>();
        services.AddSingleton<ISendRule, LanguageNudgeRule>();
        services.AddSingleton<IMessageObserver, TranscriptRecorder>();
        services.AddSingleton<DisclosureService>();
        services.AddSingleton<ParticipantFanOut>();
        services.AddSingleton<DisclosureBroadcaster>();

        // Durable: in whichever database AddDurableStore chose (PostgreSQL when configured, else SQLite).
        services.AddSingleton<IGuidelinesAcceptanceStore, SqlGuidelinesAcceptanceStore>();
        services.AddSingleton<ITranscriptStore, SqlTranscriptStore>();
        services.AddSingleton<TranscriptPurgeService>();
        services.AddHostedService(sp => sp.GetRequiredService<TranscriptPurgeService>());
        if (string.IsNullOrWhiteSpace(options.Redis)) services.AddSingleton<IContentPreferenceStore, InMemoryContentPreferenceStore>();
        else services.AddSingleton<IContentPreferenceStore, RedisContentPreferenceStore>();
        return services;
    }
}
