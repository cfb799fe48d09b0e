namespace PeerRooms.Sample;

/// <summary>A chat command: <c>/name arguments</c>. Facilitator-only commands are hidden from others.</summary>
/// <param name="Name">What follows the slash.</param>
/// <param name="Arguments">The argument syntax, for /help.</param>
/// <param name="Description">One line for /help.</param>
/// <param name="FacilitatorsOnly">Shown and allowed only when the user facilitates the room.</param>
/// <param name="Run">Runs the command with the text after its name.</param>
internal sealed record ChatCommand(string Name, string Arguments, string Description, bool FacilitatorsOnly, Func<ChatSession, string, Task> Run);

/// <summary>
/// Every command the sample knows. A new server power is one line here, e.g. when the facilitator
/// feature adds muting: <c>new("mute", "NAME", "mute a participant", true, (s, a) => s.Client.MuteAsync(s.RoomId, s.ParticipantIdOf(a)))</c>.
/// </summary>
internal static class ChatCommands
{
    public static IReadOnlyList<ChatCommand> All { get; } =
    [
        new("help", "", "list the commands", false, (s, _) => s.ShowHelpAsync()),
        new("who", "", "show who is in the room", false, (s, _) => s.ShowRosterAsync()),
        new("history", "[after-sequence]", "show the room's recent messages", false, (s, a) => s.ShowHistoryAsync(a)),
        new("typing", "on|off", "tell the others you are (not) typing", false, (s, a) => s.Client.SetTypingAsync(s.RoomId, a.Trim() != "off")),
        new("hand", "", "raise your hand to speak", false, (s, _) => s.Client.RaiseHandAsync(s.RoomId)),
        new("lower", "", "lower your hand", false, (s, _) => s.Client.LowerHandAsync(s.RoomId)),
        new("report", "NAME [reason]", "tell the facilitators about someone", false,
            async (s, a) => s.Info($"report {await s.Client.ReportAsync(new() { RoomId = s.RoomId, ParticipantId = s.ParticipantIdOf(First(a)), Reason = Rest(a) })} sent")),
        new("retract", "", "take back your last message (from everyone and from history)", false, (s, _) => s.RetractLastAsync()),
        new("quit", "", "leave the room and exit", false, (s, _) => s.QuitAsync()),

        // Video (docs/protocol.md "Video"): presence and publishing state only; a console sends no media.
        new("video", "on|off", "join or leave the room's video session (presence only here)", false, (s, a) => s.SetVideoAsync(a.Trim() != "off")),
        new("publish", "audio|video|both|none", "say what you publish in the video session", false, (s, a) => s.PublishAsync(a)),

        // Facilitator powers (docs/protocol.md, facilitator tools).
        new("start", "", "start the meeting", true, (s, _) => s.Client.StartSessionAsync(s.RoomId)),
        new("end", "", "end the meeting for everyone", true, (s, _) => s.Client.EndSessionAsync(s.RoomId)),
        new("mute", "NAME [minutes]", "mute someone (0 or no minutes: until unmuted)", true,
            (s, a) => s.Client.MuteParticipantAsync(s.RoomId, s.ParticipantIdOf(First(a)), Minutes(a))),
        new("unmute", "NAME", "unmute someone", true, (s, a) => s.Client.UnmuteParticipantAsync(s.RoomId, s.ParticipantIdOf(a))),
        new("muteall", "[minutes]", "mute everyone but facilitators", true, (s, a) => s.Client.MuteEveryoneAsync(s.RoomId, int.TryParse(a, out var m) ? m : 0)),
        new("unmuteall", "", "lift the room-wide mute", true, (s, _) => s.Client.UnmuteEveryoneAsync(s.RoomId)),
        new("slow", "SECONDS", "slow mode: one message per SECONDS (0 = off)", true, (s, a) => s.Client.SetSlowModeAsync(s.RoomId, int.TryParse(a, out var n) ? n : 0)),
        new("remove", "NAME", "take someone out of the room", true, (s, a) => s.Client.RemoveParticipantAsync(s.RoomId, s.ParticipantIdOf(a))),
        new("timeout", "NAME MINUTES", "take someone out for a while", true, (s, a) => s.Client.TimeoutParticipantAsync(s.RoomId, s.ParticipantIdOf(First(a)), Minutes(a))),
        new("ban", "NAME", "ban someone from this room", true, (s, a) => s.Client.BanParticipantAsync(s.RoomId, s.ParticipantIdOf(a), permanent: false)),
        new("lock", "", "lock the room (newcomers wait in the lobby)", true, (s, _) => s.Client.LockRoomAsync(s.RoomId, allowLobby: true)),
        new("unlock", "", "unlock the room", true, (s, _) => s.Client.UnlockRoomAsync(s.RoomId)),
        new("lobby", "", "show who waits in the lobby", true, (s, _) => s.ShowLobbyAsync()),
        new("admit", "NAME|all", "let someone (or everyone) in from the lobby", true,
            async (s, a) => { if (a.Trim() == "all") await s.Client.AdmitAllAsync(s.RoomId); else await s.Client.AdmitAsync(s.RoomId, await s.LobbyParticipantIdOfAsync(a)); }),
        new("deny", "NAME", "turn someone in the lobby away", true, async (s, a) => await s.Client.DenyAsync(s.RoomId, await s.LobbyParticipantIdOfAsync(a))),
        new("floor", "NAME [seconds]", "give someone the floor", true, (s, a) => s.Client.GiveFloorAsync(s.RoomId, s.ParticipantIdOf(First(a)), Minutes(a))),
        new("clearfloor", "", "take the floor back", true, (s, _) => s.Client.ClearFloorAsync(s.RoomId)),
        new("lowerall", "", "lower every raised hand", true, (s, _) => s.Client.LowerAllHandsAsync(s.RoomId)),
        new("spotlight", "NAME [off]", "spotlight someone's video (or stop)", true,
            (s, a) => s.Client.SetVideoSpotlightAsync(s.RoomId, s.ParticipantIdOf(First(a)), Rest(a)?.Trim() != "off")),
        new("unvideo", "NAME", "take someone out of the video session (they stay in the room)", true,
            (s, a) => s.Client.RemoveFromVideoAsync(s.RoomId, s.ParticipantIdOf(a))),
    ];

    private static string First(string arguments) => arguments.Trim().Split(' ', 2)[0];

    private static string? Rest(string arguments) => arguments.Trim().Split(' ', 2) is [_, var rest] ? rest : null;

    private static int Minutes(string arguments) => int.TryParse(Rest(arguments), out var n) ? n : 0;

    public static ChatCommand? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
