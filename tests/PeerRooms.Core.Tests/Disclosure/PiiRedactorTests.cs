using PeerRooms.Core.Disclosure;

namespace PeerRooms.Core.Tests.Disclosure;

public class PiiRedactorTests
{
    [Theory]
    [InlineData("call me on 555-123-4567 tonight", "call me on [phone] tonight")]
    [InlineData("my number is +1 (555) 123 4567", "my number is [phone]")]
    [InlineData("5 5 5 1 2 3 4 is my cell", "[phone] is my cell")]
    [InlineData("رقمي ٠٥٥٥١٢٣٤٥٦٧ اتصل بي", "رقمي [phone] اتصل بي")]
    [InlineData("اتصل على٠٥٥٥١٢٣٤٥٦٧", "اتصل على[phone]")]
    [InlineData("mi cel: 55 1234 5678", "mi cel: [phone]")]
    [InlineData("write to jane.doe@example.com please", "write to [email] please")]
    [InlineData("jane (at) example (dot) com", "[email]")]
    [InlineData("escríbeme a juan arroba gmail punto com", "escríbeme a [email]")]
    [InlineData("I live at 42 Elm Street, come by", "I live at [address], come by")]
    [InlineData("vivo en Calle Mayor 12, segundo piso", "vivo en [address], segundo piso")]
    [InlineData("أسكن في شارع النخيل ١٢ قرب المسجد", "أسكن في [address] قرب المسجد")]
    public void Contact_details_are_masked(string text, string expected) => Assert.Equal(expected, PiiRedactor.Redact(text).Text);

    [Theory]
    [InlineData("I have been sober since 2019-03-15 and it was hard")]
    [InlineData("from 2019-2023 I was using")]
    [InlineData("I walked 5 miles down the road today")]
    [InlineData("12 years on the street and now I have a home")]
    [InlineData("the road to recovery is long; day 365 today")]
    [InlineData("@River thanks for sharing")]
    [InlineData("it costs 1,000,000 pesos")]
    [InlineData("meet at 3:30 at the library")]
    [InlineData("request id 0f1234567e89 failed")]
    [InlineData("code ABC12345678")]
    public void Ordinary_sentences_are_left_alone(string text)
    {
        var result = PiiRedactor.Redact(text);
        Assert.False(result.Changed);
        Assert.Equal(text, result.Text);
    }

    [Fact]
    public void It_reports_each_kind_once()
    {
        var result = PiiRedactor.Redact("a@b.com c@d.org 555 123 4567 555 765 4321");
        Assert.Equal([PiiKinds.Email, PiiKinds.Phone], result.Masked);
    }
}
