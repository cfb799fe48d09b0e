using System.Diagnostics.Metrics;

namespace PeerRooms.Server.Telemetry;

/// <summary>
/// Every PeerRooms metric, behind methods that features call (<c>metrics.MessageReceived(...)</c>).
/// Exported by OpenTelemetry at <c>/metrics</c> (Prometheus) and over OTLP when configured; the
/// catalogue with what is wired today is in docs/operations.md.
/// <para>
/// Privacy guarantee: no label ever carries a user id, participant id, pseudonym, room id or text.
/// Label values are small fixed vocabularies (method names, catalogue codes, kinds, severities);
/// anything that does not look like one is reported as <c>other</c> (<see cref="MetricLabels"/>), so a
/// caller passing the wrong string cannot leak data or explode cardinality.
/// </para>
/// Counts are per node: sum over nodes for the deployment.
/// </summary>
public sealed class PeerRoomsMetrics
{
    public const string MeterName = "PeerRooms";

    private readonly UpDownCounter<long> _connections;
    private readonly UpDownCounter<long> _sessions;
    private readonly UpDownCounter<long> _lobby;
    private readonly Counter<long> _messagesReceived;
    private readonly Counter<long> _messagesDelivered;
    private readonly Histogram<double> _fanOutDuration;
    private readonly Histogram<double> _hubDuration;
    private readonly Counter<long> _hubErrors;
    private readonly Counter<long> _moderation;
    private readonly Counter<long> _escalations;
    private readonly Histogram<double> _detectionToPage;
    private readonly Histogram<double> _pageToClaim;
    private readonly Counter<long> _webhookRetries;
    private readonly Counter<long> _webhookDeliveries;
    private readonly Histogram<double> _redisPublish;
    private readonly Counter<long> _shutdownNotices;

    private readonly LocalRoomCounts _rooms = new();
    private long _outboxDepth;
    private volatile Func<bool>? _redisConnected;

    public PeerRoomsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _connections = meter.CreateUpDownCounter<long>("peerrooms.connections", "{connection}", "Open hub connections on this node.");
        meter.CreateObservableGauge("peerrooms.rooms.live", () => (long)_rooms.Count, "{room}", "Rooms with at least one connection on this node.");
        _sessions = meter.CreateUpDownCounter<long>("peerrooms.sessions.live", "{session}", "Room sessions started and not yet ended (counted on the node that started them).");
        _lobby = meter.CreateUpDownCounter<long>("peerrooms.lobby.participants", "{participant}", "Participants waiting in a lobby (sum over nodes).");
        _messagesReceived = meter.CreateCounter<long>("peerrooms.messages.received", "{message}", "Messages accepted and stored (duplicates excluded), by audience.");
        _messagesDelivered = meter.CreateCounter<long>("peerrooms.messages.delivered", "{message}", "Messages fanned out to their audience's group(s), by audience.");
        _fanOutDuration = meter.CreateHistogram<double>("peerrooms.fanout.duration", "s", "Time to hand a room event to SignalR; with the Redis backplane this is the publish latency.");
        _hubDuration = meter.CreateHistogram<double>("peerrooms.hub.invocation.duration", "s", "Hub method latency, by method and outcome.");
        _hubErrors = meter.CreateCounter<long>("peerrooms.hub.invocation.errors", "{error}", "Refused or failed hub calls, by method and catalogue error code.");
        _moderation = meter.CreateCounter<long>("peerrooms.moderation.actions", "{action}", "Moderation actions, by kind.");
        _escalations = meter.CreateCounter<long>("peerrooms.escalations", "{escalation}", "Escalation transitions (opened, paged, claimed, acknowledged, resolved), by severity.");
        _detectionToPage = meter.CreateHistogram<double>("peerrooms.escalation.detection_to_page.duration", "s", "Time from risk detection to the first page, by severity.");
        _pageToClaim = meter.CreateHistogram<double>("peerrooms.escalation.page_to_claim.duration", "s", "Time from the first page to a claim by crisis staff, by severity.");
        meter.CreateObservableGauge("peerrooms.outbox.depth", () => Interlocked.Read(ref _outboxDepth), "{item}", "Outbox items not yet relayed (last value reported by the relay).");
        _webhookRetries = meter.CreateCounter<long>("peerrooms.webhook.retries", "{retry}", "Webhook deliveries retried after a failure.");
        _webhookDeliveries = meter.CreateCounter<long>("peerrooms.webhook.deliveries", "{delivery}", "Webhook delivery attempts, by outcome.");
        meter.CreateObservableGauge("peerrooms.redis.connected", ObserveRedis, "{state}", "1 while this node's Redis connection is up, 0 while down; absent without Redis.");
        _redisPublish = meter.CreateHistogram<double>("peerrooms.redis.publish.duration", "s", "Latency of PeerRooms' own Redis publishes, by channel kind.");
        _shutdownNotices = meter.CreateCounter<long>("peerrooms.shutdown.notices", "{connection}", "Connections told to reconnect elsewhere because this node was stopping.");
    }

    // --- Connections, rooms, sessions, lobby -------------------------------------------------------

    /// <summary>A hub connection finished its handshake (wired: hub filter).</summary>
    public void ConnectionOpened() => _connections.Add(1);

    /// <summary>A hub connection closed (wired: hub filter).</summary>
    public void ConnectionClosed() => _connections.Add(-1);

    /// <summary>A local connection joined a room (wired: RoomHub). The room id is only counted, never exported.</summary>
    public void RoomJoinedLocally(string roomId) => _rooms.Increment(roomId);

    /// <summary>A local connection left a room (wired: RoomHub).</summary>
    public void RoomLeftLocally(string roomId) => _rooms.Decrement(roomId);

    /// <summary>A room's session started (for the facilitator feature to call).</summary>
    public void SessionStarted() => _sessions.Add(1);

    /// <summary>A room's session ended (for the facilitator feature to call).</summary>
    public void SessionEnded() => _sessions.Add(-1);

    /// <summary>A participant was placed in a lobby (wired: RoomHub on join).</summary>
    public void ParticipantEnteredLobby() => _lobby.Add(1);

    /// <summary>A lobby participant was admitted, refused or left (wired for leaving; admit/refuse: facilitator feature).</summary>
    public void ParticipantLeftLobby() => _lobby.Add(-1);

    // --- Messages --------------------------------------------------------------------------------

    /// <summary>A message was accepted and stored (wired: RoomHub.SendMessage).</summary>
    public void MessageReceived(string audience) => _messagesReceived.Add(1, new KeyValuePair<string, object?>("audience", MetricLabels.Safe(audience)));

    /// <summary>A message was fanned out to its audience (wired: RoomBroadcaster).</summary>
    public void MessageDelivered(string audience, TimeSpan fanOut, bool viaRedis)
    {
        _messagesDelivered.Add(1, new KeyValuePair<string, object?>("audience", MetricLabels.Safe(audience)));
        FanOut(fanOut, viaRedis);
    }

    /// <summary>Any room event was handed to SignalR (wired: RoomBroadcaster).</summary>
    public void FanOut(TimeSpan elapsed, bool viaRedis)
        => _fanOutDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("backplane", viaRedis ? "redis" : "memory"));

    // --- Hub calls -------------------------------------------------------------------------------

    /// <summary>One hub invocation finished; <paramref name="errorCode"/> is null on success (wired: HubTelemetryFilter).</summary>
    public void HubInvocation(string method, string? errorCode, TimeSpan elapsed)
    {
        var m = MetricLabels.Safe(method);
        var code = errorCode is null ? null : MetricLabels.ErrorCode(errorCode);
        _hubDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("method", m),
            new KeyValuePair<string, object?>("outcome", code is null ? "ok" : "error"));
        if (code is not null)
            _hubErrors.Add(1, new KeyValuePair<string, object?>("method", m), new KeyValuePair<string, object?>("error_code", code));
    }

    // --- Moderation and escalation (for the facilitator and crisis features) ---------------------

    /// <summary>A facilitator acted, e.g. <c>mute</c>, <c>remove</c>, <c>ban</c>, <c>lock</c>, <c>admit</c>, <c>hold_release</c>.</summary>
    public void ModerationAction(string kind) => _moderation.Add(1, new KeyValuePair<string, object?>("kind", MetricLabels.Safe(kind)));

    public void EscalationOpened(string severity) => Escalation("opened", severity);

    /// <summary>The first page went out; <paramref name="sinceDetection"/> is detection → page.</summary>
    public void EscalationPaged(string severity, TimeSpan sinceDetection)
    {
        Escalation("paged", severity);
        _detectionToPage.Record(sinceDetection.TotalSeconds, new KeyValuePair<string, object?>("severity", MetricLabels.Safe(severity)));
    }

    /// <summary>Crisis staff claimed the case; <paramref name="sincePage"/> is first page → claim.</summary>
    public void EscalationClaimed(string severity, TimeSpan sincePage)
    {
        Escalation("claimed", severity);
        _pageToClaim.Record(sincePage.TotalSeconds, new KeyValuePair<string, object?>("severity", MetricLabels.Safe(severity)));
    }

    public void EscalationAcknowledged(string severity) => Escalation("acknowledged", severity);

    public void EscalationResolved(string severity) => Escalation("resolved", severity);

    private void Escalation(string transition, string severity)
        => _escalations.Add(1, new KeyValuePair<string, object?>("transition", transition), new KeyValuePair<string, object?>("severity", MetricLabels.Safe(severity)));

    // --- Outbox, webhooks, Redis -----------------------------------------------------------------

    /// <summary>The outbox relay reports how many items wait after each poll (no I/O happens at scrape time).</summary>
    public void OutboxDepth(long depth) => Interlocked.Exchange(ref _outboxDepth, Math.Max(0, depth));

    public void WebhookRetried() => _webhookRetries.Add(1);

    /// <summary>One webhook attempt ended: <c>delivered</c>, <c>failed</c> (will retry) or <c>gave_up</c>.</summary>
    public void WebhookDelivery(string outcome) => _webhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", MetricLabels.Safe(outcome)));

    /// <summary>Registers how to read the Redis connection state; must be cheap and do no I/O (wired: RedisConnection).</summary>
    public void ObserveRedisConnection(Func<bool> isConnected) => _redisConnected = isConnected;

    /// <summary>A PeerRooms publish on its own Redis channel finished (for the scale-out feature), e.g. kind <c>moderation</c>.</summary>
    public void RedisPublished(string channelKind, TimeSpan elapsed)
        => _redisPublish.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("channel", MetricLabels.Safe(channelKind)));

    /// <summary>Connections told to reconnect elsewhere during a graceful shutdown (wired: GracefulShutdown).</summary>
    public void ShutdownNotices(int connections) => _shutdownNotices.Add(connections);

    private IEnumerable<Measurement<int>> ObserveRedis()
    {
        var probe = _redisConnected;
        if (probe is null) return [];
        return [new Measurement<int>(probe() ? 1 : 0)];
    }
}
