using PeerRooms.Core.Disclosure;

namespace PeerRooms.Core.Tests.Disclosure;

public class PersonFirstLanguageTests
{
    [Theory]
    [InlineData("my brother is an addict", "addict", "en")]
    [InlineData("those junkies downtown", "junkies", "en")]
    [InlineData("my drug test came back clean", "clean", "en")]
    [InlineData("I had a dirty UA last week", "dirty UA", "en")]
    [InlineData("he tested dirty again", "tested dirty", "en")]
    [InlineData("my dad was an alcoholic.", "alcoholic", "en")]
    [InlineData("alcoholics are welcome", "alcoholics", "en")]
    [InlineData("mi hermano es un drogadicto", "drogadicto", "es")]
    [InlineData("los adictos también", "adictos", "es")]
    [InlineData("mi papá era un alcohólico", "alcohólico", "es")]
    [InlineData("la prueba salió limpia", "limpia", "es")]
    [InlineData("أخي مدمن منذ سنوات", "مدمن", "ar")]
    [InlineData("كان والدي سكير", "سكير", "ar")]
    [InlineData("نتيجة التحليل نظيفة", "نظيفة", "ar")]
    public void Stigmatising_labels_get_a_suggestion_in_their_language(string text, string term, string language)
    {
        var nudge = Assert.Single(PersonFirstLanguage.Find(text));
        Assert.Equal(term, nudge.Term);
        Assert.Equal(language, nudge.Language);
        Assert.Contains(term, nudge.Text);
    }

    [Theory]
    [InlineData("I have been clean for two years")]
    [InlineData("no alcoholic drinks at the party")]
    [InlineData("my room is dirty and I feel stuck")]
    [InlineData("I was addicted to gambling")]
    [InlineData("estoy limpio desde enero")]
    [InlineData("أنا في مرحلة التعافي")]
    public void Other_uses_are_not_nudged(string text) => Assert.Empty(PersonFirstLanguage.Find(text));
}
