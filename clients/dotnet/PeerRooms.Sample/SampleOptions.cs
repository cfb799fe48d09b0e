namespace PeerRooms.Sample;

/// <summary>The sample's command line.</summary>
public sealed record SampleOptions
{
    public Uri Server { get; init; } = new("http://localhost:5080");
    public string? Room { get; init; }
    public string? Name { get; init; }
    public string Role { get; init; } = "participant";
    public string? Token { get; init; }
    /// <summary>User id for a development token; "sample-&lt;name&gt;" when not given.</summary>
    public string? User { get; init; }
    public string Protocol { get; init; } = "json";
    public string? Script { get; init; }
    /// <summary>Accept the room's guidelines without asking (scripts, demos).</summary>
    public bool AcceptGuidelines { get; init; }
    public bool Help { get; init; }

    public const string Usage = """
        PeerRooms sample client: chat in a room from the terminal.

        Usage: dotnet run --project clients/dotnet/PeerRooms.Sample -- --room ROOM_ID --name NAME [options]

          --server URL       the PeerRooms server                                  (http://localhost:5080)
          --room ID          the room to join (required)
          --name NAME        your pseudonym in the room (required)
          --role ROLE        participant | facilitator | crisis-staff, for a dev token  (participant)
          --token JWT        a bearer token; without one, a development token is fetched from
                             POST /api/dev/token (servers in Development only)
          --user ID          the user id of that development token                 (sample-<name>)
          --protocol P       json | messagepack                                     (json)
          --script FILE      run the lines of FILE instead of reading the keyboard (demos, tests):
                               text            sends it
                               /command args   runs a command (see /help)
                               @wait-for TEXT  waits (10 s at most) for a message containing TEXT
                               @wait-member N  waits (10 s at most) until N is in the room
                               # ...           a comment
          --accept-guidelines  accept the room's guidelines without being asked (needed with --script
                             when the room has guidelines)
          --help             this text

        In the chat, type a message and press Enter, or a command: /help lists them.
        """;

    public static SampleOptions Parse(string[] args)
    {
        var o = new SampleOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            o = name switch
            {
                "--server" => o with { Server = new Uri(Value()) },
                "--room" => o with { Room = Value() },
                "--name" => o with { Name = Value() },
                "--role" => o with { Role = Value() },
                "--token" => o with { Token = Value() },
                "--user" => o with { User = Value() },
                "--protocol" => o with { Protocol = Value() },
                "--script" => o with { Script = Value() },
                "--accept-guidelines" => o with { AcceptGuidelines = true },
                "--help" or "-h" => o with { Help = true },
                _ => throw new ArgumentException($"unknown option {name} (see --help)"),
            };
        }
        if (o.Help) return o;
        if (string.IsNullOrWhiteSpace(o.Room)) throw new ArgumentException("--room is required");
        if (string.IsNullOrWhiteSpace(o.Name)) throw new ArgumentException("--name is required");
        if (o.Role is not ("participant" or "facilitator" or "crisis-staff")) throw new ArgumentException("--role must be participant, facilitator or crisis-staff");
        if (o.Protocol is not ("json" or "messagepack")) throw new ArgumentException("--protocol must be json or messagepack");
        return o;
    }

    public string UserId => User ?? "sample-" + new string(Name!.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
