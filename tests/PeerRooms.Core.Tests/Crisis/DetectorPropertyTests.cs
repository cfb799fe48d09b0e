using System.Text;
using PeerRooms.Core.Crisis;

namespace PeerRooms.Core.Tests.Crisis;

/// <summary>Property-style checks with fixed seeds (reproducible, no extra packages).</summary>
public class DetectorPropertyTests
{
    private static readonly LexiconScanner Scanner = new(CrisisLexiconLoader.LoadDefaults());

    private static readonly string[] BenignEnglish =
    [
        "i", "we", "you", "my", "sponsor", "meeting", "today", "tonight", "coffee", "pills", "meds", "bridge", "work", "happy", "tired",
        "grateful", "going", "to", "the", "call", "step", "program", "days", "clean", "sober", "feel", "good", "thanks", "everyone",
        "and", "but", "not", "really", "kind", "of", "at", "home", "family", "dinner", "walk", "dog", "love", "you", "all", "see",
    ];

    private static readonly string[] BenignSpanish =
    [
        "yo", "hoy", "esta", "noche", "reunion", "padrino", "cafe", "pastillas", "trabajo", "feliz", "cansado", "gracias", "a", "todos",
        "familia", "casa", "perro", "voy", "caminar", "limpio", "dias", "me", "siento", "bien", "y", "pero", "no", "mucho", "amor",
    ];

    private static readonly string[] BenignArabic =
    [
        "انا", "اليوم", "الليلة", "اجتماع", "قهوة", "حبوب", "شغل", "سعيد", "تعبان", "شكرا", "للجميع", "عائلتي", "البيت", "امشي",
        "الحمد", "لله", "بخير", "كثير", "و", "بس", "ما", "الدواء", "صديقي", "معكم", "هنا",
    ];

    private static readonly string[] Alarming =
    [
        "I want to die", "kill myself tonight", "i have a plan", "been self harming again", "everyone would be better off without me",
        "quiero morirme", "me voy a matar esta noche", "sin esperanza", "ابي اموت", "بدي انتحر الليلة", "أؤذي نفسي",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_benign_sentences_never_alarm(int seed)
    {
        var random = new Random(seed);
        foreach (var (vocabulary, language) in new[] { (BenignEnglish, "en"), (BenignSpanish, "es"), (BenignArabic, "ar") })
        {
            for (var i = 0; i < 400; i++)
            {
                var words = Enumerable.Range(0, random.Next(1, 25)).Select(_ => vocabulary[random.Next(vocabulary.Length)]);
                var sentence = string.Join(' ', words);
                var result = Scanner.Scan(sentence, language);
                Assert.True(result.Severity == CrisisSeverity.None, $"seed {seed}: '{sentence}' → {result}");
                Assert.Equal(CrisisSeverity.None, Scanner.Scan(sentence, null).Severity);
            }
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Zero_width_characters_and_case_never_change_severity(int seed)
    {
        var random = new Random(seed);
        char[] invisible = ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u00AD', '\u2060'];
        var samples = Alarming.Concat(["this homework is killing me", "see you on tuesday", "I'm not going to hurt myself"]);
        foreach (var text in samples)
        {
            var expected = Scanner.Scan(text).Severity;
            for (var i = 0; i < 50; i++)
            {
                var mutated = new StringBuilder();
                foreach (var c in text)
                {
                    mutated.Append(random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
                    if (random.Next(4) == 0)
                    {
                        mutated.Append(invisible[random.Next(invisible.Length)]);
                    }
                }

                Assert.True(Scanner.Scan(mutated.ToString()).Severity == expected, $"'{mutated}' differs from '{text}' ({expected})");
            }
        }
    }

    [Theory]
    [InlineData(21)]
    public void Arbitrary_input_never_throws_and_offsets_stay_in_range(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 700)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = random.Next(3) switch
                {
                    0 => (char)random.Next(0x20, 0x7F),
                    1 => (char)random.Next(0x0600, 0x06FF),
                    _ => (char)random.Next(0, char.MaxValue),
                };
            }

            var text = new string(chars) + (i % 10 == 0 ? " I want to die" : string.Empty);
            var result = Scanner.Scan(text);
            Assert.All(result.Matches, m => Assert.InRange(m.Start + m.Length, m.Start, text.Length));
        }
    }
}
