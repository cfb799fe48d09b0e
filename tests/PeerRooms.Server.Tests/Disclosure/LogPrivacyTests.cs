using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;
using static PeerRooms.Server.Tests.Disclosure.DisclosureTestKit;

namespace PeerRooms.Server.Tests.Disclosure;

/// <summary>
/// Logs never contain message text, display names, attribute values or tokens: a busy session using
/// every disclosure feature runs against a node logging everything at Trace, and none of those
/// strings appear in any line (complements Operations/LogRedactionTests, which covers the basics).
/// </summary>
public sealed class LogPrivacyTests : IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly PeerRoomsServer _server;

    public LogPrivacyTests()
    {
        _server = new PeerRoomsServer(
            // Everything at Trace, including the categories appsettings.json quiets: the server's own floors must hold.
            new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.AspNetCore.SignalR", "Microsoft.AspNetCore.Http.Connections",
                    "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Authentication" }
                .ToDictionary(c => $"Logging:LogLevel:{c}", _ => (string?)"Trace"),
            configure: b => b.ConfigureLogging(l =>
            {
                l.SetMinimumLevel(LogLevel.Trace);
                l.AddProvider(_logs);
                l.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
            }));
    }

    public void Dispose() => _server.Dispose();

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_busy_session_logs_none_of_what_people_said_or_shared(HubProtocol protocol)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var secrets = new List<string>();
        string Secret(string s) { secrets.Add(s); return s; }

        var facilitatorId = Ids.User("fac");
        var (room, _) = await CreateRoomAsync(_server, new
        {
            name = "Busy room", guidelines = "Be kind.", facilitators = new[] { facilitatorId },
            policy = new { languageNudges = true, historyRetentionDays = 3 },
        });
        var facilitatorToken = await _server.TokenAsync(facilitatorId, "facilitator");
        var riverToken = await _server.TokenAsync(Ids.User(), "participant");
        secrets.AddRange([facilitatorToken, riverToken]);
        await using var facilitator = await _server.ConnectWithTokenAsync(facilitatorToken, protocol);
        await using var river = await _server.ConnectWithTokenAsync(riverToken, protocol);
        await using var peer = await _server.ConnectAsync(Ids.User(), protocol);
        using var peerMessages = peer.Record<MessageView>(RoomEvents.MessageReceived);

        await Join(facilitator, room, Secret($"Fayzanne{tag}"), [Attr("pronouns", Secret($"xe/xem{tag}"), "everyone")]);
        await Join(river, room, Secret($"Riverdale{tag}"), [Attr("identity-tag", Secret($"veteran{tag}"), "facilitators")], acceptedGuidelinesVersion: 1);
        await Join(peer, room, Secret($"Peregrine{tag}")).ExpectErrorAsync(ErrorCodes.GuidelinesNotAccepted);
        await Join(peer, room, Secret($"Peregrine{tag}"), acceptedGuidelinesVersion: 1);
        await Join(peer, room, Secret($"bad{tag}@example.com")).ContinueWith(_ => { }); // a second tab with a refused name

        await SetAttributes(river, room, Attr("in-recovery-since", "2020-02", "nobody"), Attr("preferred-language", Secret($"es-X{tag[..3]}"), "everyone"));
        await SetAttributes(river, room, Attr("identity-tag", Secret($"bad tag {tag} 555 123 4567"), "everyone")).ExpectErrorAsync(ErrorCodes.InvalidArgument);
        var first = await Send(river, room, Secret($"I relapsed on day {tag}, my number is 555 867 5309"), topics: ["substance-use"]);
        await Send(river, room, Secret($"only for you, facilitators {tag}"), audience: "facilitators");
        await Send(peer, room, Secret($"my brother is an addict {tag}"));
        await Send(peer, room, new string('x', 4001) + Secret($"too long {tag}")).ExpectErrorAsync(ErrorCodes.MessageTooLong);
        await peer.InvokeAsync("SetTyping", room, true).WaitAsync(Timeouts.Default);
        await river.InvokeAsync("RetractMessage", room, first.MessageId).WaitAsync(Timeouts.Default);
        await peer.InvokeAsync<ContentPreferences>("SetContentPreferences", new ContentPreferences { CollapsedTopics = ["grief"] }).WaitAsync(Timeouts.Default);
        await History(peer, room);
        await Roster(peer, room);
        var last = await Send(facilitator, room, Secret($"thank you all {tag}"));
        await peerMessages.NextAsync(m => m.MessageId == last.MessageId);
        await river.StopAsync().WaitAsync(Timeouts.Default);

        // As browsers do: the token in the query string of the WebSocket upgrade.
        var browserToken = Secret(await _server.TokenAsync(Ids.User(), "participant"));
        await using (var browser = await _server.ConnectWithTokenAsync(null, protocol, $"{PeerRooms.Core.Contracts.HubPaths.Rooms}?access_token={browserToken}"))
        {
            await browser.InvokeAsync<ContentPreferences>("GetContentPreferences").WaitAsync(Timeouts.Default);
        }

        var log = string.Join("\n", _logs.Lines);
        Assert.Contains("Microsoft.AspNetCore", log); // the capture works at verbose levels
        Assert.Contains("[4002]", log);              // and sees our own lines
        foreach (var secret in secrets.Append("555 867 5309").Append("8675309"))
            Assert.False(log.Contains(secret, StringComparison.OrdinalIgnoreCase), $"the log contains '{secret}'");
        Assert.DoesNotContain(tag, log);
    }
}
