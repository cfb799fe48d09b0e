using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Client;

/// <summary>
/// A typed client for the crisis console hub (<c>/hubs/crisis</c>, crisis staff and admins): cases,
/// pages and the private channel to a participant. Refusals surface as <see cref="PeerRoomsHubException"/>.
/// Reconnects with the same jittered policy as <see cref="PeerRoomsClient"/>; after a reconnect the
/// server sends <see cref="OpenCases"/> again, so nothing needs rejoining. Pages are delivered at
/// least once: show each <see cref="CasePagedEvent.DedupKey"/> once.
/// </summary>
public sealed class CrisisConsoleClient : IAsyncDisposable
{
    private readonly HubConnection _connection;

    /// <summary>Builds a client; <see cref="PeerRoomsClientOptions.HubPath"/> is ignored (always the crisis hub).</summary>
    public CrisisConsoleClient(PeerRoomsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Server is null) throw new ArgumentException("Server is required", nameof(options));
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(options.Server, HubPaths.Crisis), http =>
            {
                http.Transports = options.Transports;
                http.SkipNegotiation = options.Transports == Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                if (options.AccessTokenProvider is { } tokens) http.AccessTokenProvider = tokens;
                options.ConfigureHttpConnection?.Invoke(http);
            })
            .WithAutomaticReconnect(options.RetryPolicy ?? PeerRoomsClientOptions.DefaultRetryPolicy());
        if (options.Protocol == WireProtocol.MessagePack) builder.AddMessagePackProtocol();
        _connection = builder.Build();
        _connection.ServerTimeout = options.ServerTimeout;
        _connection.On<CaseView[]>(CrisisEvents.OpenCases, e => OpenCases?.Invoke(e));
        _connection.On<CasePagedEvent>(CrisisEvents.CasePaged, e => CasePaged?.Invoke(e));
        _connection.On<CaseView>(CrisisEvents.CaseUpdated, e => CaseUpdated?.Invoke(e));
        _connection.On<PrivateMessageView>(CrisisEvents.PrivateMessageReceived, e => PrivateMessageReceived?.Invoke(e));
    }

    /// <summary>Every case not resolved, right after (re)connecting.</summary>
    public event Action<IReadOnlyList<CaseView>>? OpenCases;

    /// <summary>A page for this staff member's tier.</summary>
    public event Action<CasePagedEvent>? CasePaged;

    /// <summary>A case changed (best effort; refresh with <see cref="GetOpenCasesAsync"/> after a reconnect).</summary>
    public event Action<CaseView>? CaseUpdated;

    /// <summary>A participant replied on the private channel of a case this staff member owns.</summary>
    public event Action<PrivateMessageView>? PrivateMessageReceived;

    /// <summary>Connects; throws when the server has no crisis hub or refuses the token.</summary>
    public Task StartAsync(CancellationToken ct = default) => _connection.StartAsync(ct);

    /// <summary>Every case not resolved, oldest first.</summary>
    public async Task<IReadOnlyList<CaseView>> GetOpenCasesAsync(CancellationToken ct = default) => await Invoke<CaseView[]>("GetOpenCases", [], ct);

    /// <summary>A case with its notes, pages and audit trail.</summary>
    public Task<CaseDetailView> GetCaseAsync(string caseId, CancellationToken ct = default) => Invoke<CaseDetailView>("GetCase", [caseId], ct);

    /// <summary>Claims a case (<c>already_claimed</c> when someone else won).</summary>
    public Task<CaseView> ClaimCaseAsync(string caseId, CancellationToken ct = default) => Invoke<CaseView>("ClaimCase", [caseId], ct);

    /// <summary>Gives a claimed case back.</summary>
    public Task<CaseView> ReleaseCaseAsync(string caseId, CancellationToken ct = default) => Invoke<CaseView>("ReleaseCase", [caseId], ct);

    /// <summary>Acknowledges a claimed case; paging stops.</summary>
    public Task<CaseView> AcknowledgeCaseAsync(string caseId, CancellationToken ct = default) => Invoke<CaseView>("AcknowledgeCase", [caseId], ct);

    /// <summary>Adds a note to a case.</summary>
    public Task<CaseView> AddCaseNoteAsync(string caseId, string text, CancellationToken ct = default) => Invoke<CaseView>("AddCaseNote", [caseId, text], ct);

    /// <summary>Resolves a case with an outcome.</summary>
    public Task<CaseView> ResolveCaseAsync(ResolveCaseRequest request, CancellationToken ct = default) => Invoke<CaseView>("ResolveCase", [request], ct);

    /// <summary>A private message to the case's participant.</summary>
    public Task<PrivateMessageView> SendPrivateMessageAsync(PrivateMessageRequest request, CancellationToken ct = default)
        => Invoke<PrivateMessageView>("SendPrivateMessage", [request], ct);

    /// <summary>Stops and releases the connection.</summary>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task<T> Invoke<T>(string method, object?[] args, CancellationToken ct)
    {
        try
        {
            return await _connection.InvokeCoreAsync<T>(method, args, ct).ConfigureAwait(false);
        }
        catch (HubException ex)
        {
            throw PeerRoomsHubException.FromHubException(method, ex);
        }
    }
}
