using System.Reflection;
using System.Runtime.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using Xunit.Abstractions;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;
using static PeerRooms.Server.Tests.Security.SecurityTestClients;

namespace PeerRooms.Server.Tests.Security;

/// <summary>A node with limits high enough that the fuzzer reaches the methods instead of the rate limiter.</summary>
public sealed class FuzzServerFixture : IDisposable
{
    public PeerRoomsServer Server { get; } = new(new Dictionary<string, string?>
    {
        ["PeerRooms:Limits:CallsPerWindow"] = "100000",
        ["PeerRooms:Limits:MessagesPerWindow"] = "10000",
        ["PeerRooms:Limits:JoinAttemptsPerMinute"] = "10000",
    });

    public void Dispose() => Server.Dispose();
}

/// <summary>
/// Throws random and malformed arguments at every public method of every hub (found by reflection,
/// so methods added later are fuzzed automatically): wrong types, nulls, huge and hostile strings
/// (lone surrogates, control and bidi characters), deep arrays, objects with wrong member types,
/// wrong argument counts and unknown method names. Seeded (PEERROOMS_FUZZ_SEED, default fixed) and
/// bounded (PEERROOMS_FUZZ_ROUNDS per method). Every call must end in success or a HubException with
/// a catalogue code other than internal_error; the connection must stay open; a listener in another
/// room must hear nothing and keep working.
/// </summary>
public class HubFuzzTests(FuzzServerFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzServerFixture>
{
    private static readonly string[] ServerOnlyMethods = ["OnConnectedAsync", "OnDisconnectedAsync", "Dispose"];
    private PeerRoomsServer Server => fixture.Server;

    /// <summary>Every hub the server maps, with its path.</summary>
    private IReadOnlyList<(Type Hub, string Path)> Hubs()
    {
        var endpoints = Server.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>();
        return endpoints
            .Select(e => (Meta: e.Metadata.GetMetadata<HubMetadata>(), Path: e.RoutePattern.RawText!))
            .Where(x => x.Meta is not null && !x.Path.EndsWith("/negotiate", StringComparison.Ordinal))
            .Select(x => (x.Meta!.HubType, "/" + x.Path.TrimStart('/')))
            .Distinct()
            .ToList();
    }

    /// <summary>The methods clients can call, with the parameters they send (services and cancellation are the server's).</summary>
    public static IReadOnlyList<(string Name, Type[] Parameters)> ClientMethods(Type hub) =>
        hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !ServerOnlyMethods.Contains(m.Name))
            .Select(m => (m.Name, m.GetParameters()
                .Where(p => p.ParameterType != typeof(CancellationToken) && p.GetCustomAttribute<FromServicesAttribute>() is null
                    && !p.ParameterType.IsInterface) // services resolved by type
                .Select(p => p.ParameterType).ToArray()))
            .ToList();

    [Fact]
    public void Every_hub_is_found_and_has_methods()
    {
        var hubs = Hubs();
        Assert.Contains(hubs, h => h.Path == HubPaths.Rooms);
        Assert.All(hubs, h => Assert.NotEmpty(ClientMethods(h.Hub)));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Random_and_malformed_arguments_to_every_hub_method_get_clean_errors(HubProtocol protocol)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PEERROOMS_FUZZ_SEED"), out var s) ? s : 20261124;
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("PEERROOMS_FUZZ_ROUNDS"), out var r) ? r : 25;
        var random = new Random(seed + (int)protocol);
        output.WriteLine($"seed {seed}, {rounds} rounds per method");

        var fuzzerId = Ids.User("fuzz");
        var room = await Server.CreateRoomAsync("Fuzzed room", facilitators: [fuzzerId]);
        await using var listener = await RoomListener.StartAsync(Server, protocol, room);
        var stats = new Dictionary<string, int>();

        foreach (var (hub, path) in Hubs())
        {
            var token = await Server.TokenAsync(fuzzerId, "participant", "facilitator", "crisis-staff", "admin");
            await using var fuzzer = await ConnectAsync(token, protocol, path);
            var joined = path == HubPaths.Rooms ? await Join(fuzzer, room, "Fuzzer") : null;
            var values = new FuzzValues(random, [room, joined?.ParticipantId ?? "p_none", "no-such-room"]);
            foreach (var (name, parameters) in ClientMethods(hub))
            {
                for (var round = 0; round < rounds; round++)
                {
                    var (target, args) = values.Call(name, parameters, round);
                    var outcome = await InvokeAsync(fuzzer, target, args, $"{hub.Name}.{target} round {round} (seed {seed})");
                    stats[outcome] = stats.GetValueOrDefault(outcome) + 1;
                    Assert.True(fuzzer.State == HubConnectionState.Connected, $"connection lost after {hub.Name}.{target} round {round} (seed {seed})");
                }
            }
        }
        output.WriteLine(string.Join(", ", stats.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}")));
        Assert.True(stats.Values.Sum() > 0);

        // The node still serves: health, the listener's own room, and nothing leaked to it.
        using var health = await Server.Http.GetAsync("/healthz");
        Assert.True(health.IsSuccessStatusCode);
        await listener.AssertReceivedNothingAsync();
    }

    private static async Task<string> InvokeAsync(HubConnection connection, string target, object?[] args, string what)
    {
        try
        {
            await connection.InvokeCoreAsync(target, typeof(object), args).WaitAsync(Timeouts.Default);
            return "ok";
        }
        catch (HubException ex)
        {
            var code = HubErrorMessages.TryParseCode(ex.Message);
            Assert.True(code is not null && ErrorCodes.All.Contains(code), $"{what}: error without a catalogue code: {ex.Message}");
            Assert.True(code != ErrorCodes.Internal, $"{what}: internal_error (an unhandled server exception)");
            return code;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or InvalidOperationException
                                   or MessagePack.MessagePackSerializationException or NotSupportedException
                                   && connection.State == HubConnectionState.Connected)
        {
            // The client library itself refused to serialise the value (e.g. too deep for JSON): nothing was sent.
            return "client-refused";
        }
    }

    private async Task<HubConnection> ConnectAsync(string token, HubProtocol protocol, string path)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(Server.BaseAddress, path), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        });
        if (protocol == HubProtocol.MessagePack) builder.AddMessagePackProtocol();
        var connection = builder.Build();
        await connection.StartAsync().WaitAsync(Timeouts.Default);
        return connection;
    }

    /// <summary>Seeded generator of argument lists: well-typed but hostile, wrongly typed, null, miscounted.</summary>
    private sealed class FuzzValues(Random random, string[] knownIds)
    {
        private static readonly string[] Strings =
        [
            "", " ", "x", "\ud800", "a\udc00b", "\u0000\u0007\u001b", "\u202eevil", "../../etc/passwd", "' OR 1=1 --",
            "<script>alert(1)</script>", "🙂🙂🙂", new string('y', 8_000), new string('z', 65), "null", "-1", "NaN",
        ];

        public (string Target, object?[] Args) Call(string method, Type[] parameters, int round) => (round % 10) switch
        {
            0 => (method, parameters.Select(_ => (object?)null).ToArray()),
            1 => (method, Enumerable.Range(0, parameters.Length + 1 + random.Next(3)).Select(_ => Any(0)).ToArray()),
            2 => (method, parameters.Length > 0 ? parameters.Skip(1).Select(Typed).ToArray() : [Any(0)]),
            3 => ("No" + method + random.Next(1000), parameters.Select(Typed).ToArray()),
            4 or 5 => (method, parameters.Select(_ => Any(0)).ToArray()),
            _ => (method, parameters.Select(Typed).ToArray()),
        };

        /// <summary>A value of roughly the right shape: right type with hostile content, or a known id.</summary>
        private object? Typed(Type type)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            if (t == typeof(string)) return random.Next(3) == 0 ? knownIds[random.Next(knownIds.Length)] : Strings[random.Next(Strings.Length)];
            if (t == typeof(bool)) return random.Next(2) == 0;
            if (t == typeof(int)) return new[] { 0, -1, 1, int.MaxValue, int.MinValue, random.Next() }[random.Next(6)];
            if (t == typeof(long)) return new[] { 0L, -1L, long.MaxValue, long.MinValue, random.NextInt64() }[random.Next(5)];
            if (t == typeof(double)) return new[] { 0d, -1d, double.MaxValue, 1e-300 }[random.Next(4)];
            if (t.IsEnum) return random.Next(-5, 50);
            if (t.IsArray || (t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t)))
                return Enumerable.Range(0, random.Next(4)).Select(_ => Any(1)).ToArray();
            if (t.GetCustomAttribute<DataContractAttribute>() is not null) return Dto(t);
            return Any(0);
        }

        /// <summary>A request object as a map of its wire member names to mostly right, sometimes wrong, values.</summary>
        private Dictionary<string, object?> Dto(Type t)
        {
            var map = new Dictionary<string, object?>();
            foreach (var p in t.GetProperties())
            {
                var name = p.GetCustomAttribute<DataMemberAttribute>()?.Name;
                if (name is null || random.Next(6) == 0) continue; // sometimes missing
                map[name] = random.Next(4) == 0 ? Any(1) : Typed(p.PropertyType);
            }
            if (random.Next(4) == 0) map["unexpected" + random.Next(100)] = Any(1);
            return map;
        }

        /// <summary>Anything at all: scalars of every kind, arrays, nested maps, deep nesting.</summary>
        private object? Any(int depth) => random.Next(depth > 3 ? 6 : 10) switch
        {
            0 => null,
            1 => random.Next(),
            2 => long.MinValue,
            3 => random.NextDouble() * 1e300,
            4 => random.Next(2) == 0,
            5 => Strings[random.Next(Strings.Length - 1)] + (random.Next(2) == 0 ? knownIds[random.Next(knownIds.Length)] : ""),
            6 => Enumerable.Range(0, random.Next(5)).Select(_ => Any(depth + 1)).ToArray(),
            7 => new Dictionary<string, object?> { ["roomId"] = Any(depth + 1), ["text"] = Any(depth + 1), ["k" + random.Next(100)] = Any(depth + 1) },
            8 => Deep(random.Next(1, 50)),
            _ => knownIds[random.Next(knownIds.Length)],
        };

        private static object Deep(int depth)
        {
            object value = "bottom";
            for (var i = 0; i < depth; i++) value = new[] { value };
            return value;
        }
    }
}
