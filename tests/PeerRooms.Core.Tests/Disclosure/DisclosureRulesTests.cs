using PeerRooms.Core.Chat;
using PeerRooms.Core.Disclosure;
using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Tests.Disclosure;

public class DisclosureRulesTests
{
    private static readonly ChatLimits Limits = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Ａｌｉｃｅ", "Alice")]
    [InlineData("Al\u200Bice", "Alice")]
    [InlineData("  Sam   (they/them) ", "Sam (they/them)")]
    [InlineData("نور\u200F", "نور")]
    public void Pseudonyms_are_normalised_so_look_alikes_collide(string name, string expected)
        => Assert.Equal(expected, DisplayNameRules.Validate(name, Limits));

    [Theory]
    [InlineData("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ")]
    [InlineData("Alice\u202Emoc.elpmaxe@")]
    [InlineData("5 5 5 1 2 3 4")]
    [InlineData("۰۹۱۲۳۴۵۶۷۸۹")]
    [InlineData("juan arroba gmail punto com")]
    [InlineData("\u200B\u200B")]
    public void Disguised_contact_details_and_invisible_names_are_refused(string name)
    {
        var ex = Assert.Throws<PeerRoomsException>(() => DisplayNameRules.Validate(name, Limits));
        Assert.Equal(ErrorCodes.InvalidDisplayName, ex.Code);
    }

    [Fact]
    public void Valid_attributes_are_kept_in_order()
    {
        var result = PersonalAttributeRules.Validate(
        [
            ("pronouns", " they/them ", "everyone"),
            ("identity-tag", "LGBTQ+", "facilitators"),
            ("identity-tag", "veteran", "nobody"),
            ("preferred-language", "es-MX", "everyone"),
            ("in-recovery-since", "2021-06", "facilitators"),
        ], Now);
        Assert.Equal(["they/them", "LGBTQ+", "veteran", "es-MX", "2021-06"], result.Select(a => a.Value));
    }

    [Theory]
    [InlineData("pronouns", "she/her", "public")]
    [InlineData("favourite-colour", "blue", "everyone")]
    [InlineData("identity-tag", "call 555 123 4567", "everyone")]
    [InlineData("identity-tag", "me@example.com", "everyone")]
    [InlineData("preferred-language", "Spanish please", "everyone")]
    [InlineData("in-recovery-since", "2030-01", "everyone")]
    [InlineData("in-recovery-since", "last spring", "everyone")]
    [InlineData("pronouns", "", "everyone")]
    public void Invalid_attributes_are_refused(string kind, string value, string audience)
    {
        var ex = Assert.Throws<PeerRoomsException>(() => PersonalAttributeRules.Validate([(kind, value, audience)], Now));
        Assert.Equal(ErrorCodes.InvalidArgument, ex.Code);
    }

    [Fact]
    public void Single_valued_attributes_may_be_given_once()
    {
        Assert.Throws<PeerRoomsException>(() => PersonalAttributeRules.Validate([("pronouns", "he/him", "everyone"), ("pronouns", "they/them", "everyone")], Now));
        Assert.Throws<PeerRoomsException>(() => PersonalAttributeRules.Validate([("identity-tag", "parent", "everyone"), ("identity-tag", "Parent", "nobody")], Now));
    }

    [Theory]
    [InlineData(AttributeViewer.Participant, new[] { "a" })]
    [InlineData(AttributeViewer.Facilitator, new[] { "a", "b" })]
    [InlineData(AttributeViewer.Self, new[] { "a", "b", "c" })]
    public void Each_viewer_sees_only_what_the_audience_allows(AttributeViewer viewer, string[] expected)
    {
        IReadOnlyList<PersonalAttribute> attributes =
        [
            new() { Kind = "identity-tag", Value = "a", Audience = AttributeAudience.Everyone },
            new() { Kind = "identity-tag", Value = "b", Audience = AttributeAudience.Facilitators },
            new() { Kind = "identity-tag", Value = "c", Audience = AttributeAudience.Nobody },
        ];
        Assert.Equal(expected, attributes.VisibleTo(viewer).Select(a => a.Value));
    }

    [Fact]
    public void Sensitive_topics_are_validated_and_deduplicated()
    {
        Assert.Equal(["self-harm", "grief"], SensitiveTopics.Validate(["grief", "self-harm", "grief"], "t"));
        Assert.Throws<PeerRoomsException>(() => SensitiveTopics.Validate(["spiders"], "t"));
    }
}
