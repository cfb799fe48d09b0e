using PeerRooms.Client;
using PeerRooms.Core.Contracts;
using Spectre.Console;

namespace PeerRooms.Sample;

/// <summary>
/// One joined room on screen: prints events as they arrive, keeps the roster, runs commands and
/// sends what the user types. Every piece of user-supplied text is escaped before it is rendered.
/// </summary>
internal sealed class ChatSession
{
    private readonly IAnsiConsole _console;
    private readonly Dictionary<string, ParticipantView> _roster = new(StringComparer.Ordinal);
    private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> _waiters = [];
    private readonly List<MessageView> _messages = [];
    private readonly Lock _lock = new();
    private string? _lastSent;

    public ChatSession(PeerRoomsClient client, IAnsiConsole console, JoinRoomResponse joined)
    {
        Client = client;
        _console = console;
        Joined = joined;
        foreach (var p in joined.Roster) _roster[p.ParticipantId] = p;
        client.MessageReceived += OnMessage;
        client.ParticipantJoined += e => { if (e.RoomId == RoomId) { Update(() => _roster[e.Participant.ParticipantId] = e.Participant); Info($"{e.Participant.DisplayName} joined"); } };
        client.ParticipantLeft += e => { if (e.RoomId == RoomId) Info($"{Remove(e.ParticipantId)?.DisplayName ?? "someone"} left"); };
        client.LobbyChanged += e => { if (e.RoomId == RoomId && e.Waiting.Count > 0) Info($"{e.Waiting.Count} waiting in the lobby (/lobby, /admit)"); };
        client.RoomStateChanged += e => { if (e.RoomId == RoomId) Info($"room: session {e.Session}{(e.Locked ? ", locked" : "")}{(e.EveryoneMuted ? ", everyone muted" : "")}{(e.SlowModeSeconds > 0 ? $", slow mode {e.SlowModeSeconds}s" : "")}"); };
        client.MessageDeleted += e => { if (e.RoomId == RoomId) Info("a facilitator deleted a message"); };
        client.MessageRetracted += e => { if (e.RoomId == RoomId) Info($"{NameOfMessage(e.MessageId)} retracted a message"); };
        client.ParticipantUpdated += e => { if (e.RoomId == RoomId) Update(() => _roster[e.Participant.ParticipantId] = e.Participant); };
        client.RoomClosed += e => { if (e.RoomId == RoomId) { Info($"you were taken out of the room ({e.Reason})"); if (e.Terminal) Quit = true; } };
        client.VideoMemberJoined += v => { if (v.RoomId == RoomId) Info($"{NameOf(v.ParticipantId)} joined video"); };
        client.VideoMemberLeft += v => { if (v.RoomId == RoomId) Info($"{NameOf(v.ParticipantId)} left video"); };
        client.VideoMemberUpdated += v => { if (v.RoomId == RoomId) Info($"{NameOf(v.ParticipantId)} in video: {Describe(v)}"); };
        client.VideoRemoved += e => { if (e.RoomId == RoomId) Info("a facilitator took you out of the video session"); };
        client.Reconnecting += _ => Info("connection lost; reconnecting...");
        client.RoomRejoined += r => { if (r.Response.RoomId == RoomId) Info($"back in the room ({r.MissedMessages} missed message(s) shown)"); };
        client.RoomRejoinFailed += f => { if (f.RoomId == RoomId) { Info($"could not rejoin: {f.Error.Code}"); Quit = true; } };
    }

    public PeerRoomsClient Client { get; }
    public JoinRoomResponse Joined { get; }
    public string RoomId => Joined.RoomId;
    public bool IsFacilitator => Joined.Role == "facilitator";
    public bool Quit { get; private set; }

    public void Welcome()
    {
        _console.Write(new Rule($"[bold]{Markup.Escape(Joined.RoomName)}[/]").LeftJustified());
        _console.MarkupLine($"You are [bold]{Markup.Escape(Self?.DisplayName ?? "?")}[/] ({Markup.Escape(Joined.Role)}, {Markup.Escape(Joined.Status)}). Type /help for commands.");
        foreach (var m in Joined.History) Print(m);
        RenderRoster();
    }

    /// <summary>A line the user typed (or the script holds): a command or a message.</summary>
    public async Task HandleLineAsync(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        try
        {
            if (line.StartsWith('/'))
            {
                var space = line.IndexOf(' ');
                var name = space < 0 ? line[1..] : line[1..space];
                var command = ChatCommands.Find(name);
                if (command is null || (command.FacilitatorsOnly && !IsFacilitator)) { Info($"unknown command /{name}; /help lists them"); return; }
                await command.Run(this, space < 0 ? "" : line[(space + 1)..]);
                return;
            }
            var ack = await Client.SendMessageAsync(RoomId, line);
            _lastSent = ack.MessageId;
            foreach (var notice in ack.Notices) Info(notice.Text);
        }
        catch (PeerRoomsHubException ex)
        {
            _console.MarkupLine($"[red]! {Markup.Escape(ex.Code)}: {Markup.Escape(ex.Message)}[/]");
        }
    }

    public Task ShowHelpAsync()
    {
        var table = new Table().AddColumns("Command", "What it does");
        foreach (var c in ChatCommands.All.Where(c => !c.FacilitatorsOnly || IsFacilitator))
            table.AddRow(Markup.Escape($"/{c.Name} {c.Arguments}".Trim()), Markup.Escape(c.Description));
        _console.Write(table);
        return Task.CompletedTask;
    }

    public async Task ShowRosterAsync()
    {
        var roster = await Client.GetRosterAsync(RoomId);
        Update(() =>
        {
            _roster.Clear();
            foreach (var p in roster) _roster[p.ParticipantId] = p;
        });
        RenderRoster();
    }

    public async Task ShowHistoryAsync(string argument)
    {
        var after = long.TryParse(argument.Trim(), out var n) ? n : 0;
        foreach (var m in await Client.GetHistoryAsync(RoomId, after)) Print(m);
    }

    /// <summary>The participant id of someone in the room by pseudonym (case-insensitive).</summary>
    public string ParticipantIdOf(string name)
    {
        name = name.Trim();
        lock (_lock)
            return _roster.Values.FirstOrDefault(p => string.Equals(p.DisplayName, name, StringComparison.OrdinalIgnoreCase))?.ParticipantId
                ?? throw new PeerRoomsHubException("not_found", "sample", $"nobody called {name} is in the room");
    }

    public async Task<string> LobbyParticipantIdOfAsync(string name)
    {
        name = name.Trim();
        var waiting = await Client.GetLobbyAsync(RoomId);
        return waiting.FirstOrDefault(p => string.Equals(p.DisplayName, name, StringComparison.OrdinalIgnoreCase))?.ParticipantId
            ?? throw new PeerRoomsHubException("not_found", "sample", $"nobody called {name} waits in the lobby");
    }

    public async Task ShowLobbyAsync()
    {
        var waiting = await Client.GetLobbyAsync(RoomId);
        if (waiting.Count == 0) { Info("nobody waits in the lobby"); return; }
        foreach (var p in waiting) Info($"waiting: {p.DisplayName}");
    }

    /// <summary>Joins or leaves the room's video session. The console shows who is in video; it sends no media.</summary>
    public async Task SetVideoAsync(bool on)
    {
        if (!on) { await Client.LeaveVideoAsync(RoomId); Info("you left video"); return; }
        var join = await Client.JoinVideoAsync(RoomId);
        Info($"you are in video ({join.Provider}) with {join.Members.Length - 1} other(s); /publish to say what you send");
    }

    /// <summary>Asks to publish audio, video, both or none, and says what was granted (the cap may refuse video).</summary>
    public async Task PublishAsync(string what)
    {
        what = what.Trim().ToLowerInvariant();
        var granted = await Client.SetPublishingAsync(RoomId, what is "audio" or "both", what is "video" or "both");
        Info($"you publish: {Describe(granted)}");
    }

    private static string Describe(VideoMemberView v)
    {
        var parts = new List<string> { v.Audio ? "audio on" : "audio off", v.Video ? "video on" : "video off" };
        if (v.MicForcedOff) parts.Add("mic turned off by a facilitator");
        if (v.CameraForcedOff) parts.Add("camera turned off by a facilitator");
        if (v.Spotlight) parts.Add("spotlight");
        return string.Join(", ", parts);
    }

    private string NameOf(string participantId)
    {
        lock (_lock) return participantId == Joined.ParticipantId ? "you" : _roster.GetValueOrDefault(participantId)?.DisplayName ?? "someone";
    }

    /// <summary>Retracts the last message this session sent.</summary>
    public async Task RetractLastAsync()
    {
        if (_lastSent is not { } messageId) { Info("you have not sent anything yet"); return; }
        await Client.RetractMessageAsync(RoomId, messageId);
        _lastSent = null;
    }

    public async Task QuitAsync()
    {
        Quit = true;
        await Client.LeaveRoomAsync(RoomId);
        Info("you left the room");
    }

    /// <summary>Completes when a message containing <paramref name="text"/> has arrived (scripts).</summary>
    public Task WaitForMessageAsync(string text) =>
        WaitAsync(() => _messages.Any(m => m.Text.Contains(text, StringComparison.Ordinal)));

    /// <summary>Completes when someone called <paramref name="name"/> is in the room (scripts).</summary>
    public Task WaitForMemberAsync(string name) =>
        WaitAsync(() => _roster.Values.Any(p => string.Equals(p.DisplayName, name, StringComparison.OrdinalIgnoreCase)));

    private Task WaitAsync(Func<bool> done)
    {
        lock (_lock)
        {
            if (done()) return Task.CompletedTask;
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((done, signal));
            return signal.Task;
        }
    }

    private string NameOfMessage(string messageId)
    {
        lock (_lock) return _messages.LastOrDefault(m => m.MessageId == messageId)?.DisplayName ?? "someone";
    }

    private ParticipantView? Self => _roster.GetValueOrDefault(Joined.ParticipantId);

    private void OnMessage(MessageView m)
    {
        if (m.RoomId != RoomId) return;
        Update(() => _messages.Add(m));
        Print(m);
    }

    private void Print(MessageView m) =>
        _console.MarkupLine($"[grey]{m.SentAt.ToLocalTime():HH:mm}[/] [bold]{Markup.Escape(m.DisplayName)}[/]: {Markup.Escape(m.Text)}");

    public void Info(string text) => _console.MarkupLine($"[yellow]* {Markup.Escape(text)}[/]");

    private void RenderRoster()
    {
        ParticipantView[] people;
        lock (_lock) people = [.. _roster.Values];
        var table = new Table().Title("In the room").AddColumns("Name", "Role", "Status");
        foreach (var p in people) table.AddRow(Markup.Escape(p.DisplayName), Markup.Escape(p.Role), Markup.Escape(p.Status));
        _console.Write(table);
    }

    private ParticipantView? Remove(string participantId)
    {
        ParticipantView? removed = null;
        Update(() => _roster.Remove(participantId, out removed));
        return removed;
    }

    /// <summary>Changes state under the lock, then wakes any script waiting for it.</summary>
    private void Update(Action change)
    {
        lock (_lock)
        {
            change();
            foreach (var w in _waiters.Where(w => w.Done()).ToArray())
            {
                _waiters.Remove(w);
                w.Signal.TrySetResult();
            }
        }
    }
}
