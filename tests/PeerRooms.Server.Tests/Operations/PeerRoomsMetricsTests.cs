using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Server.Telemetry;

namespace PeerRooms.Server.Tests.Operations;

/// <summary>The metrics API the feature engineers call: instruments, labels, and the label guard.</summary>
public sealed class PeerRoomsMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = [];
    private readonly PeerRoomsMetrics _metrics;

    public PeerRoomsMetricsTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
        _metrics = new PeerRoomsMetrics(factory);
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dict = new Dictionary<string, string?>();
        foreach (var t in tags) dict[t.Key] = t.Value?.ToString();
        lock (_measurements) _measurements.Add((instrument.Name, value, dict));
    }

    [Fact]
    public void Escalation_transitions_and_latencies_are_recorded_by_severity()
    {
        _metrics.EscalationOpened("high");
        _metrics.EscalationPaged("high", TimeSpan.FromSeconds(3));
        _metrics.EscalationClaimed("high", TimeSpan.FromSeconds(40));
        _metrics.EscalationAcknowledged("high");
        _metrics.EscalationResolved("imminent");

        Assert.Equal(["opened", "paged", "claimed", "acknowledged", "resolved"],
            _measurements.Where(m => m.Instrument == "peerrooms.escalations").Select(m => m.Tags["transition"]));
        Assert.Contains(_measurements, m => m.Instrument == "peerrooms.escalation.detection_to_page.duration" && m.Value == 3 && m.Tags["severity"] == "high");
        Assert.Contains(_measurements, m => m.Instrument == "peerrooms.escalation.page_to_claim.duration" && m.Value == 40);
    }

    [Fact]
    public void Labels_never_carry_names_text_or_ids()
    {
        _metrics.ModerationAction("mute");
        _metrics.ModerationAction("Alice Smith said hello");
        _metrics.ModerationAction("p_0123456789abcdef0123");
        _metrics.HubInvocation("SendMessage", "not a code", TimeSpan.FromMilliseconds(5));

        Assert.Equal(["mute", "other", "other"], _measurements.Where(m => m.Instrument == "peerrooms.moderation.actions").Select(m => m.Tags["kind"]));
        Assert.Contains(_measurements, m => m.Instrument == "peerrooms.hub.invocation.errors" && m.Tags["error_code"] == "other");
    }

    [Fact]
    public void Gauges_report_outbox_depth_rooms_and_redis_state()
    {
        _metrics.OutboxDepth(7);
        _metrics.RoomJoinedLocally("r1");
        _metrics.RoomJoinedLocally("r1");
        _metrics.RoomJoinedLocally("r2");
        _metrics.RoomLeftLocally("r1");
        _metrics.ObserveRedisConnection(() => true);
        _listener.RecordObservableInstruments();

        Assert.Contains(_measurements, m => m.Instrument == "peerrooms.outbox.depth" && m.Value == 7);
        Assert.Contains(_measurements, m => m.Instrument == "peerrooms.rooms.live" && m.Value == 2);
        Assert.Contains(_measurements, m => m.Instrument == "peerrooms.redis.connected" && m.Value == 1);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
