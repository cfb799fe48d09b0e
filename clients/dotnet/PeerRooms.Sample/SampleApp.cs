using PeerRooms.Client;
using Spectre.Console;

namespace PeerRooms.Sample;

/// <summary>The sample end to end: options, token, connect, join, then the keyboard or a script.</summary>
public static class SampleApp
{
    private static readonly TimeSpan ScriptWait = TimeSpan.FromSeconds(10);

    /// <summary>Runs the sample; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextReader keyboard, CancellationToken ct = default)
    {
        SampleOptions options;
        try
        {
            options = SampleOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException)
        {
            console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return 2;
        }
        if (options.Help)
        {
            console.WriteLine(SampleOptions.Usage);
            return 0;
        }

        try
        {
            var token = options.Token ?? await DevTokenAsync(options, ct);
            await using var client = new PeerRoomsClient(new PeerRoomsClientOptions
            {
                Server = options.Server,
                Protocol = options.Protocol == "messagepack" ? WireProtocol.MessagePack : WireProtocol.Json,
                AccessTokenProvider = () => Task.FromResult<string?>(token),
            });
            var accepted = await AcceptGuidelinesAsync(options, token, console, keyboard, ct);
            if (accepted is null) return 1;
            await client.StartAsync(ct);
            var joined = await client.JoinRoomAsync(options.Room!, options.Name!, accepted == 0 ? null : accepted, ct);
            var session = new ChatSession(client, console, joined);
            session.Welcome();
            if (options.Script is { } script) await RunScriptAsync(session, script, console, ct);
            else await RunKeyboardAsync(session, keyboard, ct);
            return 0;
        }
        catch (PeerRoomsHubException ex)
        {
            console.MarkupLine($"[red]! {Markup.Escape(ex.Code)}: {Markup.Escape(ex.Message)}[/]");
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TimeoutException or IOException)
        {
            console.MarkupLine($"[red]! {Markup.Escape(ex.Message)}[/]");
            return 1;
        }
    }

    /// <summary>
    /// Shows the room's guidelines and gets them accepted: 0 when the room has none, the accepted
    /// version, or null when the user declined (or a script did not pass --accept-guidelines).
    /// </summary>
    private static async Task<int?> AcceptGuidelinesAsync(SampleOptions options, string token, IAnsiConsole console, TextReader keyboard, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var room = await PeerRoomsRooms.GetAsync(http, options.Server, token, options.Room!, ct);
        if (room is null || string.IsNullOrWhiteSpace(room.Guidelines)) return 0;
        console.Write(new Panel(Markup.Escape(room.Guidelines)).Header($"{Markup.Escape(room.Name)}: group guidelines (version {room.GuidelinesVersion})"));
        if (options.AcceptGuidelines)
        {
            console.MarkupLine("[yellow]* guidelines accepted (--accept-guidelines)[/]");
            return room.GuidelinesVersion;
        }
        if (options.Script is not null)
        {
            console.MarkupLine("[red]! this room has guidelines: pass --accept-guidelines to accept them in a script[/]");
            return null;
        }
        console.Markup("Do you accept these guidelines? [bold](y/n)[/] ");
        var answer = (await keyboard.ReadLineAsync(ct))?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase)
            ? room.GuidelinesVersion : null;
    }

    private static async Task<string> DevTokenAsync(SampleOptions options, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        return await PeerRoomsDevTokens.RequestAsync(http, options.Server, options.UserId, [options.Role], ct);
    }

    private static async Task RunKeyboardAsync(ChatSession session, TextReader keyboard, CancellationToken ct)
    {
        while (!session.Quit && !ct.IsCancellationRequested)
        {
            var line = await keyboard.ReadLineAsync(ct);
            if (line is null) break;
            await session.HandleLineAsync(line);
        }
    }

    /// <summary>Runs a script (see --help): lines to send, commands, and waits that keep demos deterministic.</summary>
    private static async Task RunScriptAsync(ChatSession session, string path, IAnsiConsole console, CancellationToken ct)
    {
        foreach (var raw in await File.ReadAllLinesAsync(path, ct))
        {
            if (session.Quit) break;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("@wait-for ", StringComparison.Ordinal))
                await Within(session.WaitForMessageAsync(line["@wait-for ".Length..]), line, ct);
            else if (line.StartsWith("@wait-member ", StringComparison.Ordinal))
                await Within(session.WaitForMemberAsync(line["@wait-member ".Length..]), line, ct);
            else if (line.StartsWith('@'))
                console.MarkupLine($"[red]! unknown script directive {Markup.Escape(line)}[/]");
            else
                await session.HandleLineAsync(line);
        }
    }

    private static async Task Within(Task wait, string what, CancellationToken ct)
    {
        try
        {
            await wait.WaitAsync(ScriptWait, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"script: {what} did not happen within {ScriptWait.TotalSeconds:F0} s");
        }
    }
}
