using PeerRooms.Core.Crisis;

namespace PeerRooms.Core.Tests.Crisis;

/// <summary>
/// Our own examples, deliberately different from the shared dev set, per language: vocabulary,
/// normalisation and context rules.
/// </summary>
public class HeldOutDetectionTests
{
    private static readonly LexiconScanner Scanner = new(CrisisLexiconLoader.LoadDefaults());

    [Theory]
    [InlineData("honestly I just want to die", "high")]
    [InlineData("I feel so hopeless lately", "concern")]
    [InlineData("nobody would miss me if I was gone", "concern")]
    [InlineData("I've been hurting myself when nobody is home", "high")]
    [InlineData("I'm going to end it tonight", "imminent")]
    [InlineData("I want to die. I've got a handful of pills in my drawer", "imminent")]
    [InlineData("I took all my pills", "imminent")]
    [InlineData("i have a plan and i wrote a note", "imminent")]
    [InlineData("i cant go on. im going to do it tonight", "imminent")]
    [InlineData("kms", "high")]
    [InlineData("thinking about how to unalive myself", "high")]
    [InlineData("lol i want to sewerslide", "concern")]
    [InlineData("he hits me when he drinks", "high")]
    [InlineData("I'm scared to go home", "concern")]
    [InlineData("goodbye everyone, it's time for me to go", "imminent")]
    [InlineData("I don't care anymore, I want to die", "high")]
    [InlineData("I don't know why I want to die", "high")]
    [InlineData("my friend told me to kill myself", "high")]
    public void English(string text, string expected) => AssertSeverity(text, "en", expected);

    [Theory]
    [InlineData("quiero morirme ya", "high")]
    [InlineData("no quiero vivir así", "high")]
    [InlineData("ya no aguanto, soy una carga para todos", "concern")]
    [InlineData("me voy a matar esta noche", "imminent")]
    [InlineData("me corto cuando estoy sola", "high")]
    [InlineData("me tomé todas las pastillas", "imminent")]
    [InlineData("me pega cuando llega borracho", "high")]
    [InlineData("tengo la soga y ya sé dónde", "imminent")]
    public void Spanish(string text, string expected) => AssertSeverity(text, "es", expected);

    [Theory]
    [InlineData("ابي اموت", "high")]
    [InlineData("بدي انتحر", "high")]
    [InlineData("أريد أن أنتحر", "high")]
    [InlineData("والله تعبت من حياتي", "concern")]
    [InlineData("راح انتحر الليلة", "imminent")]
    [InlineData("بلعت كل الحبوب", "imminent")]
    [InlineData("أبي أموت، عندي حبل", "imminent")]
    [InlineData("زوجي يضربني", "high")]
    public void Arabic(string text, string expected) => AssertSeverity(text, "ar", expected);

    [Theory]
    [InlineData("I'm not suicidal, just tired", "en")]
    [InlineData("I would never hurt myself", "en")]
    [InlineData("this traffic is killing me", "en")]
    [InlineData("I'm dying of laughter", "en")]
    [InlineData("you're killing it with the new job!", "en")]
    [InlineData("my aunt passed away last month", "en")]
    [InlineData("my friend overdosed last year", "en")]
    [InlineData("90 days sober today", "en")]
    [InlineData("I used to hurt myself but I've been clean for 2 years", "en")]
    [InlineData("I took my meds this morning", "en")]
    [InlineData("I'll pick up my pills tonight", "en")]
    [InlineData("we talked about suicide prevention at the meeting", "en")]
    [InlineData("I'm going to do it tonight, the homework I mean", "en")]
    [InlineData("no estoy pensando en suicidarme", "es")]
    [InlineData("me muero de risa con ustedes", "es")]
    [InlineData("mi tío se suicidó hace años", "es")]
    [InlineData("voy a tomarme un café ahora mismo", "es")]
    [InlineData("لا أفكر في الانتحار", "ar")]
    [InlineData("بموت من الضحك", "ar")]
    [InlineData("صديقي انتحر قبل سنين الله يرحمه", "ar")]
    [InlineData("الحمد لله أنا بخير اليوم", "ar")]
    public void Context_rules_do_not_alarm(string text, string language) => AssertSeverity(text, language, "none");

    [Theory]
    [InlineData("I used to cut but I'm hurting myself again", "en", "high")]
    [InlineData("me estoy cortando otra vez", "es", "high")]
    public void Relapse_cancels_past(string text, string language, string expected) => AssertSeverity(text, language, expected);

    [Theory]
    [InlineData("i w4nt t0 d1e")]
    [InlineData("I WANT TO DIE")]
    [InlineData("i want to diiiiie")]
    [InlineData("i waaaant to dieeee")]
    [InlineData("k i l l  m y s e l f")]
    [InlineData("k i l l m y s e l f")]
    [InlineData("kill\u200Bmy\u200Dself")]
    [InlineData("kill my\u00ADself")]
    [InlineData("ｉ ｗａｎｔ ｔｏ ｄｉｅ")]
    [InlineData("#killmyself")]
    [InlineData("$elf h@rming again")]
    public void Normalisation_catches_obfuscated_english(string text) =>
        Assert.True(Scanner.Scan(text, "en").Severity >= CrisisSeverity.High, Scanner.Scan(text, "en").ToString());

    [Theory]
    [InlineData("أُرِيدُ أَنْ أَمُوتَ")] // full tashkeel
    [InlineData("ابــــي امـــوت")] // tatweel
    [InlineData("إبي آموت")] // alef variants
    [InlineData("ابي\u200Cاموت")] // ZWNJ between words is dropped, then the space-free form
    [InlineData("quiéro morír")] // stray diacritics
    [InlineData("QUIERO MORIR")]
    public void Normalisation_catches_obfuscated_arabic_and_spanish(string text) =>
        Assert.True(Scanner.Scan(text).Severity >= CrisisSeverity.High, text + " → " + Scanner.Scan(text));

    [Fact]
    public void Means_emoji_raise_ideation_to_imminent()
    {
        Assert.Equal(CrisisSeverity.Imminent, Scanner.Scan("i want to die 💊💊💊", "en").Severity);
        Assert.Equal(CrisisSeverity.Imminent, Scanner.Scan("i want to die 🪢", "en").Severity);
        Assert.Equal(CrisisSeverity.None, Scanner.Scan("💊🔪🌉", "en").Severity);
    }

    [Fact]
    public void Arabic_indic_digits_are_plain_digits()
    {
        Assert.Equal("عندي 35 حبه", TextNormalizer.Normalize("عندي ٣٥ حبة"));
        Assert.Equal("12", TextNormalizer.Normalize("۱۲"));
    }

    [Fact]
    public void Matches_report_offsets_in_the_original_text()
    {
        const string text = "Honestly... I want to diiiiie 💊";
        var result = Scanner.Scan(text, "en");
        var die = Assert.Single(result.Matches, m => m.Term == "want to die");
        Assert.Equal("want to diiiiie", text.Substring(die.Start, die.Length));
        var pill = Assert.Single(result.Matches, m => m.Term == "💊");
        Assert.Equal("💊", text.Substring(pill.Start, pill.Length));
    }

    [Fact]
    public void Language_filter_limits_lexicons_and_unknown_language_uses_all()
    {
        Assert.Equal(CrisisSeverity.None, Scanner.Scan("quiero morir", "en").Severity);
        Assert.Equal(CrisisSeverity.High, Scanner.Scan("quiero morir", "es-MX").Severity);
        Assert.Equal(CrisisSeverity.High, Scanner.Scan("quiero morir", "fr").Severity);
        Assert.Equal(CrisisSeverity.High, Scanner.Scan("quiero morir", null).Severity);
    }

    [Fact]
    public void Categories_and_wire_names()
    {
        var result = Scanner.Scan("I bought a rope and I know where, I'm going to do it", "en");
        Assert.Equal(CrisisSeverity.Imminent, result.Severity);
        Assert.Contains(CrisisCategory.PlanIntent, result.Categories);
        Assert.Equal("plan_intent", CrisisCategory.PlanIntent.ToWireName());
        Assert.Equal("overdose_means", CrisisCategory.OverdoseMeans.ToWireName());
        Assert.Equal("imminent", CrisisSeverity.Imminent.ToWireName());
    }

    [Fact]
    public void Benign_messages_return_the_shared_none_result()
    {
        Assert.Same(CrisisScanResult.None, Scanner.Scan("see you all on thursday", "en"));
        Assert.Same(CrisisScanResult.None, Scanner.Scan(string.Empty, "en"));
    }

    private static void AssertSeverity(string text, string language, string expected)
    {
        Assert.True(CrisisSeverityNames.TryParse(expected, out var severity));
        var result = Scanner.Scan(text, language);
        Assert.True(result.Severity == severity, $"'{text}' expected {expected}, got {result}: " +
            string.Join("; ", result.Matches.Select(m => $"{m.Term}({m.Severity.ToWireName()},{m.Signals})")));
    }
}
