using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Logging;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Operations;

/// <summary>
/// The redaction rule holds for every log line, the framework's included, at every level: with
/// Trace enabled for every category, a hub connection that carries its token in the query string,
/// joins, sends and fails leaves no token, display name or message text in any captured line.
/// </summary>
public class LogRedactionTests
{
    [Theory, ClassData(typeof(Protocols))]
    public async Task Trace_logging_of_everything_never_shows_tokens_names_or_text(HubProtocol protocol)
    {
        var capture = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Http.Connections"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.SignalR"] = "Trace",
        };
        using var server = new PeerRoomsServer(settings, configure: b => b.ConfigureLogging(l =>
        {
            l.SetMinimumLevel(LogLevel.Trace);
            l.AddProvider(capture);
            l.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
        }));
        var room = await server.CreateRoomAsync("Redaction room");
        var token = await server.TokenAsync(Ids.User(), "participant");
        const string name = "Ottoline Brackenbury";
        const string text = "my very private sentence 5c1d";

        // Browsers put the token in the query string of the WebSocket request.
        await using (var connection = await server.ConnectWithTokenAsync(null, protocol, $"{HubPaths.Rooms}?access_token={token}"))
        {
            var joined = await connection.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest { RoomId = room, DisplayName = name }).WaitAsync(Timeouts.Default);
            Assert.Equal(name, joined.Roster.Single().DisplayName);
            await connection.InvokeAsync<SendMessageResponse>("SendMessage", new SendMessageRequest { RoomId = room, ClientMessageId = Ids.Message(), Text = text }).WaitAsync(Timeouts.Default);
            await connection.InvokeAsync<MessageView[]>("GetHistory", room, 0L).WaitAsync(Timeouts.Default);
            await connection.InvokeAsync<SendMessageResponse>("SendMessage", new SendMessageRequest { RoomId = "other-room", ClientMessageId = Ids.Message(), Text = text })
                .ExpectErrorAsync(ErrorCodes.NotMember);
        }
        // A token in the query string of an ordinary request, and in a header.
        using (await server.Http.GetAsync($"/api/rooms?access_token={token}")) { }
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/rooms"))
        {
            request.Headers.Authorization = new("Bearer", token);
            using (await server.Http.SendAsync(request)) { }
        }

        var lines = capture.Lines;
        // The framework's request line was logged (so this test exercises it), with the token masked.
        Assert.Contains(lines, l => l.Contains("access_token=" + LogRedaction.Redacted, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Microsoft.AspNetCore.SignalR", StringComparison.Ordinal));
        var tokenParts = token.Split('.');
        foreach (var line in lines)
        {
            Assert.DoesNotContain(tokenParts[1], line, StringComparison.Ordinal);
            Assert.DoesNotContain(tokenParts[2], line, StringComparison.Ordinal);
            Assert.DoesNotContain("Ottoline", line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("private sentence", line, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("GET /hubs/rooms?id=abc&access_token=eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl&x=1", "GET /hubs/rooms?id=abc&access_token=[redacted]&x=1")]
    [InlineData("Authorization: Bearer abc.def-ghi", "Authorization: Bearer [redacted]")]
    [InlineData("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.sig_nat-ure here", "token [redacted] here")]
    [InlineData("nothing to hide here", "nothing to hide here")]
    public void Scrub_masks_tokens(string input, string expected) => Assert.Equal(expected, LogRedaction.Scrub(input));
}
