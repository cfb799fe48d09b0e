using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;
using static PeerRooms.Server.Tests.Disclosure.DisclosureTestKit;

namespace PeerRooms.Server.Tests.Disclosure;

/// <summary>PII is masked before anyone receives a message; the sender alone is told, and alone gets language nudges.</summary>
public class RedactionAndNudgeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    [Theory, ClassData(typeof(Protocols))]
    public async Task Contact_details_are_masked_for_everyone_and_the_sender_is_told_privately(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);
        using var aliceMessages = alice.Record<MessageView>(RoomEvents.MessageReceived);
        using var bobMessages = bob.Record<MessageView>(RoomEvents.MessageReceived);
        using var bobRaw = bob.Record<object>(RoomEvents.MessageReceived);
        await Join(alice, room, "Alice");
        await Join(bob, room, "Bob");

        var ack = await Send(alice, room, "text me at ٠٥٥ ١٢٣ ٤٥٦٧ or 5 5 5 9 8 7 6, or alice.r@example.com; I'm at 42 Elm Street");
        const string expected = "text me at [phone] or [phone], or [email]; I'm at [address]";
        Assert.Equal(expected, (await bobMessages.NextAsync(m => m.MessageId == ack.MessageId)).Text);
        Assert.Equal(expected, (await aliceMessages.NextAsync(m => m.MessageId == ack.MessageId)).Text);
        Assert.Equal(expected, (await History(bob, room)).Single().Text);
        var wire = WireText(bobRaw.Seen);
        Assert.DoesNotContain("example.com", wire);
        Assert.DoesNotContain("٤٥٦٧", wire);
        Assert.DoesNotContain("pii_masked", wire);

        Assert.Equal(["email", "address", "phone"], ack.Notices.Where(n => n.Kind == NoticeKinds.PiiMasked).Select(n => n.Detail));
        Assert.All(ack.Notices, n => Assert.False(string.IsNullOrWhiteSpace(n.Text)));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Rooms_that_turn_redaction_off_deliver_text_as_written(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync(policy: new { piiRedaction = false });
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await Join(alice, room, "Alice");
        var ack = await Send(alice, room, "call 555 123 4567");
        Assert.Empty(ack.Notices);
        Assert.Equal("call 555 123 4567", (await History(alice, room)).Single().Text);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Notices_are_worded_in_the_rooms_language(HubProtocol protocol)
    {
        var (room, _) = await CreateRoomAsync(Server, new { name = "Grupo", language = "es" });
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await Join(alice, room, "Alicia");
        var ack = await Send(alice, room, "mi número es 55 1234 5678");
        Assert.Contains("teléfono", Assert.Single(ack.Notices).Text);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Language_nudges_go_to_the_sender_only_and_never_block(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync(policy: new { languageNudges = true });
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);
        using var bobMessages = bob.Record<MessageView>(RoomEvents.MessageReceived);
        using var bobRaw = bob.Record<object>(RoomEvents.MessageReceived);
        await Join(alice, room, "Alice");
        await Join(bob, room, "Bob");

        var en = await Send(alice, room, "my brother is an addict and his test came back dirty");
        Assert.Equal("my brother is an addict and his test came back dirty", (await bobMessages.NextAsync(m => m.MessageId == en.MessageId)).Text);
        Assert.Equal(["addict", "dirty"], en.Notices.Where(n => n.Kind == NoticeKinds.LanguageNudge).Select(n => n.Detail));
        var es = await Send(alice, room, "mi papá era un alcohólico");
        Assert.Contains("persona", Assert.Single(es.Notices).Text);
        var ar = await Send(alice, room, "أخي مدمن");
        Assert.Contains("شخص", Assert.Single(ar.Notices).Text);
        Assert.Empty((await Send(alice, room, "one day at a time")).Notices);
        await bobMessages.NextAsync(m => m.MessageId == ar.MessageId);
        Assert.DoesNotContain(NoticeKinds.LanguageNudge, WireText(bobRaw.Seen));

        var quiet = await Server.CreateRoomAsync();
        await Join(alice, quiet, "Alice");
        Assert.Empty((await Send(alice, quiet, "my brother is an addict")).Notices);
    }
}
