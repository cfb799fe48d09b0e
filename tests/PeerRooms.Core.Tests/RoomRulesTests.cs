using PeerRooms.Core.Chat;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Tests;

public class RoomRulesTests
{
    private static readonly ChatLimits Limits = new();

    [Theory]
    [InlineData("River")]
    [InlineData("Sam (they/them)")]
    [InlineData("نور")]
    [InlineData("José 2")]
    public void Pseudonyms_are_accepted(string name) => Assert.Equal(name, DisplayNameRules.Validate("  " + name + " ", Limits));

    [Theory]
    [InlineData("jane.doe@example.com")]
    [InlineData("jane at example dot com")]
    [InlineData("+1 (555) 123-4567")]
    [InlineData("٠٥٥٥١٢٣٤٥٦٧")]
    [InlineData("https://me.example")]
    [InlineData("www.janedoe.com")]
    [InlineData("")]
    [InlineData("   ")]
    public void Contact_details_and_empty_names_are_refused(string name)
    {
        var ex = Assert.Throws<PeerRoomsException>(() => DisplayNameRules.Validate(name, Limits));
        Assert.Equal(ErrorCodes.InvalidDisplayName, ex.Code);
    }

    [Theory]
    [InlineData("room-1_A")]
    [InlineData("c0ffee")]
    public void Ids_of_safe_characters_pass(string id) => Assert.Equal(id, InputRules.RequireId(id, "id"));

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("ünicode")]
    public void Other_ids_are_invalid(string id)
        => Assert.Equal(ErrorCodes.InvalidArgument, Assert.Throws<PeerRoomsException>(() => InputRules.RequireId(id, "id")).Code);

    [Fact]
    public void Overlong_messages_have_their_own_code()
        => Assert.Equal(ErrorCodes.MessageTooLong, Assert.Throws<PeerRoomsException>(() => InputRules.RequireMessageText(new string('a', Limits.MaxMessageLength + 1), Limits)).Code);

    [Fact]
    public void Changing_guidelines_bumps_their_version_and_other_edits_do_not()
    {
        var now = DateTimeOffset.UnixEpoch;
        var room = new RoomDraft { Name = "Circle", Guidelines = "Be kind." }.Create("r_1", now);
        Assert.Equal(1, room.GuidelinesVersion);
        var renamed = new RoomDraft { Name = "Circle 2" }.ApplyTo(room, now);
        Assert.Equal(1, renamed.GuidelinesVersion);
        var same = new RoomDraft { Guidelines = "Be kind." }.ApplyTo(renamed, now);
        Assert.Equal(1, same.GuidelinesVersion);
        var changed = new RoomDraft { Guidelines = "Be kind. No advice." }.ApplyTo(same, now);
        Assert.Equal(2, changed.GuidelinesVersion);
    }

    [Fact]
    public void Draft_validation_reports_every_problem()
    {
        var errors = new RoomDraft { Name = "", Capacity = 1, Language = "fr", Policy = new RoomPolicy { HistoryLimit = -1 } }.Validate(creating: true);
        Assert.Equal(["capacity", "language", "name", "policy"], errors.Keys.Order());
    }

    [Fact]
    public void New_rooms_are_ephemeral_and_redact_by_default()
    {
        var room = new RoomDraft { Name = "Circle" }.Create("r_2", DateTimeOffset.UnixEpoch);
        Assert.Equal(0, room.Policy.HistoryRetentionDays);
        Assert.True(room.Policy.PiiRedaction);
    }
}
