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
        new("quit", "", "leave the room and exit", false, (s, _) => s.QuitAsync()),
        // Facilitator powers go here (FacilitatorsOnly: true) as they land on the server.
    ];

    public static ChatCommand? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
