using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Sample;
using PeerRooms.Server.Tests.Infrastructure;
using Spectre.Console;

namespace PeerRooms.Server.Tests.Sample;

/// <summary>The sample console client (clients/dotnet/PeerRooms.Sample) in scripted mode against a live node.</summary>
public class SampleClientTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_scripted_session_chats_with_another_member_and_shows_the_roster(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync("Tuesday circle");
        var script = Path.GetTempFileName();
        await File.WriteAllLinesAsync(script,
        [
            "# demo: greet Bob, wait for his answer, show who is here, leave",
            "@wait-member Bob",
            "Hello Bob, this is River",
            "@wait-for thanks River",
            "/who",
            "/nonsense",
            "/quit",
        ]);
        await using var bob = await StartClientAsync(Ids.User("bob"));
        var bobMessages = new EventRecorder<MessageView>();
        bob.MessageReceived += bobMessages.Add;
        var buffer = new StringWriter();
        var output = TextWriter.Synchronized(buffer);
        var console = PlainConsole(output);

        var args = SampleArgs(room, "River", script, protocol);
        await bob.JoinRoomAsync(room, "Bob").WaitAsync(Timeouts.Default);
        var sample = SampleApp.RunAsync(args, console, TextReader.Null);
        var greeting = await bobMessages.NextAsync(m => m.DisplayName == "River");
        Assert.Equal("Hello Bob, this is River", greeting.Text);
        // River is in the room now, so this join reaches the sample as an event.
        await using var sky = await Server.ConnectAsync(Ids.User("sky"), protocol);
        await sky.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest { RoomId = room, DisplayName = "Sky" }).WaitAsync(Timeouts.Default);
        await bob.SendMessageAsync(room, "thanks River, welcome").WaitAsync(Timeouts.Default);
        Assert.Equal(0, await sample.WaitAsync(Timeouts.Default));

        string text;
        lock (output) text = buffer.ToString();
        Assert.Contains("Tuesday circle", text);
        Assert.Contains("River: Hello Bob, this is River", text);
        Assert.Contains("Bob: thanks River, welcome", text);
        Assert.Contains("* Sky joined", text);
        Assert.Matches(@"│ Bob\s+│ participant │ room", text);
        Assert.Matches(@"│ Sky\s+│ participant │ room", text);
        Assert.Contains("unknown command /nonsense", text);
        Assert.Contains("* you left the room", text);
        File.Delete(script);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_facilitator_script_uses_the_facilitator_commands(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var room = await Server.CreateRoomAsync("Thursday circle", facilitators: [facilitatorId]);
        var script = Path.GetTempFileName();
        await File.WriteAllLinesAsync(script,
        [
            "@wait-member Bob",
            "/mute Bob 5",
            "Bob is muted now",
            "@wait-for Sky says go",
            "/unmute Bob",
            "Bob can speak again",
            "@wait-for thanks",
            "/quit",
        ]);
        await using var bob = await StartClientAsync(Ids.User("bob"));
        var bobMessages = new EventRecorder<MessageView>();
        bob.MessageReceived += bobMessages.Add;
        var buffer = new StringWriter();
        var output = TextWriter.Synchronized(buffer);
        var console = PlainConsole(output);

        await bob.JoinRoomAsync(room, "Bob").WaitAsync(Timeouts.Default);
        var sample = SampleApp.RunAsync(SampleArgs(room, "Jordan", script, protocol, "--user", facilitatorId, "--role", "facilitator"), console, TextReader.Null);
        await bobMessages.NextAsync(m => m.Text == "Bob is muted now");
        var muted = await Assert.ThrowsAsync<PeerRoomsHubException>(() => bob.SendMessageAsync(room, "can I talk?").WaitAsync(Timeouts.Default));
        Assert.Equal("muted", muted.Code);
        await using var sky = await Server.ConnectAsync(Ids.User("sky"), protocol);
        await sky.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest { RoomId = room, DisplayName = "Sky" }).WaitAsync(Timeouts.Default);
        await sky.InvokeAsync<SendMessageResponse>("SendMessage", new SendMessageRequest { RoomId = room, ClientMessageId = Ids.Message(), Text = "Sky says go" }).WaitAsync(Timeouts.Default);
        await bobMessages.NextAsync(m => m.Text == "Bob can speak again");
        await bob.SendMessageAsync(room, "thanks Jordan").WaitAsync(Timeouts.Default);
        Assert.Equal(0, await sample.WaitAsync(Timeouts.Default));

        string text;
        lock (output) text = buffer.ToString();
        Assert.Contains("You are Jordan (facilitator, room)", text);
        Assert.Contains("Bob: thanks Jordan", text);
        Assert.DoesNotContain("! ", text);
        File.Delete(script);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_script_joins_video_and_publishes_and_sees_the_others(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync("Video circle");
        var script = Path.GetTempFileName();
        await File.WriteAllLinesAsync(script, ["@wait-member Bob", "/video on", "/publish both", "publishing now", "@wait-for thanks", "/video off", "/quit"]);
        await using var bob = await StartClientAsync(Ids.User("bob"));
        var bobMessages = new EventRecorder<MessageView>();
        var bobVideo = new EventRecorder<VideoMemberView>();
        bob.MessageReceived += bobMessages.Add;
        bob.VideoMemberUpdated += bobVideo.Add;
        bob.VideoMemberLeft += bobVideo.Add;
        await bob.JoinRoomAsync(room, "Bob").WaitAsync(Timeouts.Default);
        await bob.JoinVideoAsync(room).WaitAsync(Timeouts.Default);
        var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);

        var sample = SampleApp.RunAsync(SampleArgs(room, "Jordan", script, protocol), PlainConsole(synced), TextReader.Null);
        var said = await bobMessages.NextAsync(m => m.Text == "publishing now");
        await bobVideo.NextAsync(v => v.ParticipantId == said.ParticipantId && v.Audio && v.Video); // Bob sees Jordan publish
        await bob.SendMessageAsync(room, "thanks Jordan").WaitAsync(Timeouts.Default);
        await bobVideo.NextAsync(v => v.ParticipantId == said.ParticipantId && !v.Audio && !v.Video); // left video
        Assert.Equal(0, await sample.WaitAsync(Timeouts.Default));

        string text;
        lock (synced) text = output.ToString();
        Assert.Contains("you are in video (mesh) with 1 other(s)", text);
        Assert.Contains("you publish: audio on, video on", text);
        Assert.DoesNotContain("! ", text);
        File.Delete(script);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Room_guidelines_are_shown_and_must_be_accepted_before_joining(HubProtocol protocol)
    {
        var room = await CreateRoomWithGuidelinesAsync("Be kind. What is said here stays here.");
        var script = Path.GetTempFileName();
        await File.WriteAllLinesAsync(script, ["hello after accepting", "/quit"]);
        var args = SampleArgs(room, "River", script, protocol);

        var refused = new StringWriter();
        Assert.Equal(1, await SampleApp.RunAsync(args, PlainConsole(refused), TextReader.Null).WaitAsync(Timeouts.Default));
        Assert.Contains("Be kind. What is said here stays here.", refused.ToString());
        Assert.Contains("pass --accept-guidelines", refused.ToString());

        var accepted = new StringWriter();
        Assert.Equal(0, await SampleApp.RunAsync([.. args, "--accept-guidelines"], PlainConsole(accepted), TextReader.Null).WaitAsync(Timeouts.Default));
        Assert.Contains("River: hello after accepting", accepted.ToString());
        File.Delete(script);
    }

    private async Task<PeerRoomsClient> StartClientAsync(string userId)
    {
        var client = new PeerRoomsClient(new PeerRoomsClientOptions
        {
            Server = Server.BaseAddress,
            AccessTokenProvider = async () => await Server.TokenAsync(userId),
        });
        await client.StartAsync().WaitAsync(Timeouts.Default);
        return client;
    }

    private string[] SampleArgs(string room, string name, string script, HubProtocol protocol, params string[] extra)
        => ["--server", Server.BaseAddress.ToString(), "--room", room, "--name", name, "--script", script,
            "--protocol", protocol == HubProtocol.MessagePack ? "messagepack" : "json", .. extra];

    private static IAnsiConsole PlainConsole(TextWriter writer) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });

    private async Task<string> CreateRoomWithGuidelinesAsync(string guidelines)
    {
        var admin = await Server.TokenAsync("admin-1", "admin");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = "Guided room", guidelines, policy = new { requireFacilitatorToStart = false } }),
        };
        request.Headers.Authorization = new("Bearer", admin);
        using var response = await Server.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<RoomInfo>(response.Content))!.Id;
    }

    [Fact]
    public async Task Help_and_bad_options_are_answered_without_connecting()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(output) });
        Assert.Equal(0, await SampleApp.RunAsync(["--help"], console, TextReader.Null));
        Assert.Contains("--script FILE", output.ToString());
        Assert.Equal(2, await SampleApp.RunAsync(["--room", "r1"], console, TextReader.Null));
        Assert.Contains("--name is required", output.ToString());
    }
}
