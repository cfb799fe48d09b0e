using System.Net.Http.Headers;
using System.Net.Http.Json;
using PeerRooms.Client;

namespace PeerRooms.LoadTests;

/// <summary>
/// PeerRooms nodes, reached through <see cref="PeerRoomsClient"/>. Rooms are created through the HTTP
/// API with an admin development token and satisfy the join rules on main: the first member of each
/// room is its facilitator and starts the session (rooms require a facilitator to start by default)
/// before the others join; joins send the accepted guidelines version; a join that lands in the
/// lobby counts as an error. Connections are spread over the nodes round-robin.
/// </summary>
public sealed class PeerRoomsTarget(IReadOnlyList<Uri> nodes, IReadOnlyList<ServerProcess> owned, WireProtocol protocol, string name = "peerrooms") : ILoadTarget
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private (string Id, int GuidelinesVersion)[] _rooms = [];
    private Dictionary<string, int> _guidelines = [];
    private TaskCompletionSource[] _sessionStarted = [];
    private int _roomSize = 1;
    private string[] _tokens = [];

    public string Name => name;
    public IReadOnlyList<int> ServerPids => [.. owned.Where(p => p.Name == "peerrooms").Select(p => p.Pid)];
    public int Nodes => nodes.Count;

    public Uri FirstNode => nodes[0];

    public async Task PrepareAsync(int rooms, int capacity, int connections, CancellationToken ct)
    {
        var admin = await PeerRoomsDevTokens.RequestAsync(_http, nodes[0], $"load-admin-{_run}", ["admin"], ct);
        _rooms = new (string, int)[rooms];
        _roomSize = Math.Max(1, capacity);
        _sessionStarted = [.. Enumerable.Range(0, rooms).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
        await Parallel.ForAsync(0, rooms, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(nodes[0], "/api/rooms"))
            {
                Content = JsonContent.Create(new { name = $"Load room {i}", capacity = Math.Max(2, capacity), facilitators = new[] { UserId(i * _roomSize) } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var response = await _http.SendAsync(request, token);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"creating a room failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
            var room = await response.Content.ReadFromJsonAsync<CreatedRoom>(token) ?? throw new InvalidOperationException("no room in the response");
            _rooms[i] = (room.Id, room.GuidelinesVersion);
        });
        _guidelines = _rooms.ToDictionary(r => r.Id, r => r.GuidelinesVersion, StringComparer.Ordinal);
        _tokens = new string[connections];
        await Parallel.ForAsync(0, connections, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
            _tokens[i] = await PeerRoomsDevTokens.RequestAsync(_http, nodes[i % nodes.Count], UserId(i), [IsFacilitator(i) ? "facilitator" : "participant"], token));
    }

    public string Room(int index) => _rooms[index].Id;

    /// <summary>The first member of each room facilitates it (churn leaves facilitators alone so sessions stay open).</summary>
    public bool IsFacilitator(int index) => index % _roomSize == 0;

    private string UserId(int index) => $"load-{_run}-{index}";

    public async Task<ILoadConnection> ConnectAsync(int index, Action<string> onMessage, Action onFault, CancellationToken ct)
    {
        var token = _tokens[index];
        var client = new PeerRoomsClient(new PeerRoomsClientOptions
        {
            Server = nodes[index % nodes.Count],
            Protocol = protocol,
            AccessTokenProvider = () => Task.FromResult<string?>(token),
            ServerTimeout = TimeSpan.FromSeconds(60),
        });
        client.MessageReceived += m => onMessage(m.Text);
        client.Reconnecting += _ => onFault();
        client.Closed += e => { if (e is not null) onFault(); };
        await client.StartAsync(ct);
        return new Connection(client, index, this);
    }

    /// <summary>A crisis console (crisis-staff token) on the first node; the escalation scenario listens to its pages.</summary>
    public async Task<CrisisConsoleClient> CrisisConsoleAsync(CancellationToken ct)
    {
        var token = await PeerRoomsDevTokens.RequestAsync(_http, nodes[0], $"load-crisis-{_run}", ["crisis-staff"], ct);
        var console = new CrisisConsoleClient(new PeerRoomsClientOptions
        {
            Server = nodes[0],
            Protocol = protocol,
            AccessTokenProvider = () => Task.FromResult<string?>(token),
        });
        await console.StartAsync(ct);
        return console;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        foreach (var p in owned) await p.DisposeAsync();
    }

    private sealed class Connection(PeerRoomsClient client, int index, PeerRoomsTarget target) : ILoadConnection
    {
        public async Task JoinAsync(string room, CancellationToken ct)
        {
            var started = target._sessionStarted[index / target._roomSize];
            if (!target.IsFacilitator(index)) await started.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
            var joined = await client.JoinRoomAsync(room, $"Member {index}", target._guidelines[room], ct);
            if (target.IsFacilitator(index) && !started.Task.IsCompleted)
            {
                if (joined.Role != "facilitator") throw new InvalidOperationException($"member {index} should facilitate {room} but joined as {joined.Role}");
                await client.StartSessionAsync(room, ct);
                started.TrySetResult();
            }
            if (joined.Status != "room") throw new InvalidOperationException($"member {index} joined {room} with status {joined.Status}, not room");
        }

        public Task LeaveAsync(string room, CancellationToken ct) => client.LeaveRoomAsync(room, ct);

        public Task SendAsync(string room, string text, CancellationToken ct) => client.SendMessageAsync(room, text, null, ct);

        public ValueTask DisposeAsync() => client.DisposeAsync();
    }

    private sealed record CreatedRoom(string Id, int GuidelinesVersion);
}
