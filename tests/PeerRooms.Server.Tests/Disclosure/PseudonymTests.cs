using System.Security.Claims;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;
using static PeerRooms.Server.Tests.Disclosure.DisclosureTestKit;

namespace PeerRooms.Server.Tests.Disclosure;

/// <summary>Participants see a pseudonym and a per-session participant id, never who someone is.</summary>
public class PseudonymTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    /// <summary>A token as an identity provider might issue it: the user id is an email, with name claims.</summary>
    private static string TokenWithIdentityClaims(string userId, string email, string realName)
    {
        var key = new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(PeerRoomsServer.SigningKey));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "peerrooms",
            Audience = "peerrooms",
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", userId), new Claim("email", email), new Claim("name", realName),
                new Claim("given_name", realName.Split(' ')[0]), new Claim("family_name", realName.Split(' ')[1]), new Claim("role", "participant"),
            ]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_token_with_email_and_name_claims_never_reaches_other_participants(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var userId = $"jane.{suffix}@example.org";
        var email = $"jane.doe.{suffix}@example.com";
        var realName = $"Janet Doe{suffix}";
        await using var jane = await Server.ConnectWithTokenAsync(TokenWithIdentityClaims(userId, email, realName), protocol);
        await using var other = await Server.ConnectAsync(Ids.User(), protocol);
        using var joins = other.Record<object>(RoomEvents.ParticipantJoined);
        using var messages = other.Record<object>(RoomEvents.MessageReceived);
        using var updates = other.Record<object>(ModerationEvents.ParticipantUpdated);
        using var typing = other.Record<object>(RoomEvents.Typing);
        await Join(other, room, "Other");

        await Join(jane, room, "River", [Attr("pronouns", "she/her", "everyone")]);
        await jane.InvokeAsync("SetTyping", room, true).WaitAsync(Timeouts.Default);
        await Send(jane, room, "hello, I am new");
        await SetAttributes(jane, room, Attr("pronouns", "she/they", "everyone"));
        await messages.NextAsync();
        await updates.NextAsync();
        await typing.NextAsync();
        var roster = await other.InvokeAsync<object>("GetRoster", room).WaitAsync(Timeouts.Default);
        var history = await other.InvokeAsync<object>("GetHistory", room, 0L).WaitAsync(Timeouts.Default);
        await using var late = await Server.ConnectAsync(Ids.User(), protocol);
        var lateJoin = await late.InvokeAsync<object>("JoinRoom", new JoinRoomRequest { RoomId = room, DisplayName = "Late" }).WaitAsync(Timeouts.Default);

        var wire = WireText(new[] { joins.Seen, messages.Seen, updates.Seen, typing.Seen, roster, history, lateJoin });
        Assert.Contains("River", wire);
        Assert.DoesNotContain(userId, wire, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email, wire, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Janet", wire, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Doe" + suffix, wire, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("userId", wire, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Names_that_look_like_contact_details_are_refused(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var c = await Server.ConnectAsync(Ids.User(), protocol);
        foreach (var name in new[] { "jane@example.com", "ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "+1 555 123 4567", "٠٥٥٥١٢٣٤٥٦٧", "5 5 5 1 2 3 4", "www.jane.me", "https://x.example", "Jane\u202Eevil" })
            await Join(c, room, name).ExpectErrorAsync(ErrorCodes.InvalidDisplayName);
        var roster = (await Join(c, room, "Still Welcome")).Roster;
        Assert.Equal(["Still Welcome"], roster.Select(p => p.DisplayName));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Look_alike_names_count_as_taken_within_a_session(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var a = await Server.ConnectAsync(Ids.User(), protocol);
        await using var b = await Server.ConnectAsync(Ids.User(), protocol);
        await using var c = await Server.ConnectAsync(Ids.User(), protocol);
        Assert.Equal("Alice", (await Join(a, room, "  Alice ")).Roster.Single().DisplayName);
        await Join(b, room, "Ａｌｉｃｅ").ExpectErrorAsync(ErrorCodes.DisplayNameTaken);
        await Join(b, room, "Al\u200Bice").ExpectErrorAsync(ErrorCodes.DisplayNameTaken);
        await Join(c, room, "ALICE").ExpectErrorAsync(ErrorCodes.DisplayNameTaken);
        // The same name is free in another room's session.
        await Join(b, await Server.CreateRoomAsync("Elsewhere"), "Alice");
    }
}
