using PeerRooms.Core.Chat;

namespace PeerRooms.Server.Hubs;

/// <summary>Runs every <see cref="IMessageObserver"/> after a message was delivered; one failing observer does not stop the others.</summary>
public sealed class MessageObservers(IEnumerable<IMessageObserver> observers, ILogger<MessageObservers> logger)
{
    private readonly IMessageObserver[] _observers = [.. observers];

    public async Task NotifyAsync(SendContext context)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnMessageStoredAsync(context, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logging.PeerRoomsLog.ObserverFailed(logger, observer.GetType().Name, ex.GetType().Name);
            }
        }
    }
}
