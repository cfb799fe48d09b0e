using PeerRooms.Core.Chat;

namespace PeerRooms.Server.Telemetry;

/// <summary>Counts each stored, non-duplicate message by audience (no text, sender or room in the labels).</summary>
public sealed class MessageMetricsObserver(PeerRoomsMetrics metrics) : IMessageObserver
{
    public ValueTask OnMessageStoredAsync(SendContext context, CancellationToken ct)
    {
        metrics.MessageReceived(context.Message.Audience);
        return ValueTask.CompletedTask;
    }
}
