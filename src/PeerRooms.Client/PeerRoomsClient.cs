using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PeerRooms.Client.Logging;

namespace PeerRooms.Client;

/// <summary>
/// A typed client for the PeerRooms rooms hub over the SignalR .NET client.
/// <list type="bullet">
/// <item>One async method per hub method; refusals surface as <see cref="PeerRoomsHubException"/> with a catalogue code.</item>
/// <item>Typed events; handlers run one at a time, in the order the server sent the events, and must not block.</item>
/// <item>After a lost connection it reconnects (jittered back-off), rejoins every room it had joined with the
/// same display name, and raises the messages it missed as ordinary <see cref="MessageReceived"/> events,
/// each message once. It never rejoins a room the server closed with a terminal reason.</item>
/// </list>
/// Each feature's methods and events live in their own partial file (PeerRoomsClient.Rooms.cs, ...).
/// </summary>
public sealed partial class PeerRoomsClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly PeerRoomsClientOptions _options;
    private readonly ILogger _logger;
    /// <summary>Orders event delivery and guards <see cref="_rooms"/>.</summary>
    private readonly Lock _delivery = new();
    private readonly JoinedRooms _rooms = new();
    private Task _rejoining = Task.CompletedTask;

    /// <summary>Builds a client; call <see cref="StartAsync"/> to connect.</summary>
    public PeerRoomsClient(PeerRoomsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Server is null) throw new ArgumentException("Server is required", nameof(options));
        _options = options;
        _logger = options.LoggerFactory?.CreateLogger<PeerRoomsClient>() ?? NullLogger<PeerRoomsClient>.Instance;

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(options.Server, options.HubPath), http =>
            {
                http.Transports = options.Transports;
                http.SkipNegotiation = options.Transports == Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                if (options.AccessTokenProvider is { } tokens) http.AccessTokenProvider = tokens;
                options.ConfigureHttpConnection?.Invoke(http);
            })
            .WithAutomaticReconnect(options.RetryPolicy ?? PeerRoomsClientOptions.DefaultRetryPolicy());
        if (options.Protocol == WireProtocol.MessagePack) builder.AddMessagePackProtocol();
        if (options.LoggerFactory is { } loggers) builder.Services.AddSingleton(loggers);
        _connection = builder.Build();
        _connection.ServerTimeout = options.ServerTimeout;

        _connection.Reconnecting += OnReconnectingAsync;
        _connection.Reconnected += OnReconnectedAsync;
        _connection.Closed += OnClosedAsync;
        RegisterRoomEvents();
        RegisterModerationEvents();
        RegisterCrisisEvents();
        RegisterDisclosureEvents();
        RegisterVideoEvents();
        // Later features register their events here, one line each (RegisterFacilitatorEvents(), ...).
    }

    /// <summary>The connection was lost and the client is reconnecting. Hub calls fail until <see cref="Reconnected"/>.</summary>
    public event Action<Exception?>? Reconnecting;

    /// <summary>The client reconnected and has finished rejoining its rooms (see <see cref="RoomRejoined"/>).</summary>
    public event Action? Reconnected;

    /// <summary>The connection ended for good (stopped, or reconnecting gave up). Carries the error, if any.</summary>
    public event Action<Exception?>? Closed;

    /// <summary>The connection's state.</summary>
    public HubConnectionState State => _connection.State;

    /// <summary>The rooms the client is in and will rejoin after a reconnect.</summary>
    public IReadOnlyCollection<string> JoinedRoomIds
    {
        get { lock (_delivery) return _rooms.RoomIds; }
    }

    /// <summary>Connects. Throws if the server cannot be reached or refuses the token.</summary>
    public Task StartAsync(CancellationToken ct = default) => _connection.StartAsync(ct);

    /// <summary>Disconnects without reconnecting. Rooms are left on the server when the connection closes.</summary>
    public Task StopAsync(CancellationToken ct = default) => _connection.StopAsync(ct);

    /// <summary>Stops and releases the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        try { await _rejoining; } catch (Exception ex) when (ex is not OutOfMemoryException) { }
    }

    /// <summary>
    /// Invokes any hub method with typed errors: the escape hatch for methods this client does not
    /// wrap yet. Prefer the typed methods.
    /// </summary>
    public async Task<TResult> InvokeAsync<TResult>(string method, object?[] args, CancellationToken ct = default)
    {
        try
        {
            return await _connection.InvokeCoreAsync<TResult>(method, args, ct).ConfigureAwait(false);
        }
        catch (HubException ex)
        {
            throw PeerRoomsHubException.FromHubException(method, ex);
        }
    }

    /// <summary>Invokes a hub method that returns nothing, with typed errors.</summary>
    public async Task InvokeAsync(string method, object?[] args, CancellationToken ct = default)
    {
        try
        {
            await _connection.InvokeCoreAsync(method, args, ct).ConfigureAwait(false);
        }
        catch (HubException ex)
        {
            throw PeerRoomsHubException.FromHubException(method, ex);
        }
    }

    /// <summary>
    /// Subscribes to any server event by name (for events this client does not wrap yet). The handler
    /// runs under the same ordering as the typed events. Dispose the result to unsubscribe.
    /// </summary>
    public IDisposable On<TEvent>(string eventName, Action<TEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return _connection.On<TEvent>(eventName, e =>
        {
            lock (_delivery) Raise(eventName, handler, e);
        });
    }

    /// <summary>Runs one handler; a throwing handler is logged and does not stop delivery to the others.</summary>
    private void Raise<T>(string eventName, Action<T>? handler, T value)
    {
        if (handler is null) return;
        foreach (var one in handler.GetInvocationList().Cast<Action<T>>())
        {
            try { one(value); }
            catch (Exception ex) when (ex is not OutOfMemoryException) { ClientLog.HandlerFailed(_logger, eventName, ex.GetType().Name); }
        }
    }

    private void Raise(string eventName, Action? handler)
    {
        if (handler is null) return;
        foreach (var one in handler.GetInvocationList().Cast<Action>())
        {
            try { one(); }
            catch (Exception ex) when (ex is not OutOfMemoryException) { ClientLog.HandlerFailed(_logger, eventName, ex.GetType().Name); }
        }
    }

    private Task OnReconnectingAsync(Exception? error)
    {
        ClientLog.Reconnecting(_logger, error?.GetType().Name ?? "none");
        lock (_delivery) Raise(nameof(Reconnecting), Reconnecting, error);
        return Task.CompletedTask;
    }

    private Task OnReconnectedAsync(string? connectionId)
    {
        // Rejoin off SignalR's callback: rejoining invokes hub methods, whose results arrive on the
        // receive loop; doing it inline must never be able to hold that loop up.
        _rejoining = Task.Run(RejoinAllAsync);
        return Task.CompletedTask;
    }

    private Task OnClosedAsync(Exception? error)
    {
        ClientLog.Closed(_logger, error?.GetType().Name ?? "none");
        lock (_delivery) Raise(nameof(Closed), Closed, error);
        return Task.CompletedTask;
    }
}
