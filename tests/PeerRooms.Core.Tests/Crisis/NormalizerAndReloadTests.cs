using PeerRooms.Core.Crisis;

namespace PeerRooms.Core.Tests.Crisis;

public class NormalizerAndReloadTests
{
    [Theory]
    [InlineData("أَنَا بِخَيْرٍ", "انا بخير")]
    [InlineData("مدرســة", "مدرسه")]
    [InlineData("إلى", "الي")]
    [InlineData("Ñandú ÉCOLE", "nandu ecole")]
    [InlineData("sooooo   tired!!!", "so tired")]
    [InlineData("d1e 4am 2 years h3ll0", "die 4am 2 years helo")]
    [InlineData("s e l f  h a r m", "selfharm")]
    [InlineData("don't", "dont")]
    [InlineData("ｈｅｌｌｏ", "helo")]
    public void Normalises(string input, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Source_indexes_point_into_the_original()
    {
        const string input = "Ａ\u200Bb  ٣";
        var output = new char[input.Length];
        var map = new int[input.Length];
        var n = TextNormalizer.Normalize(input, output, map);
        Assert.Equal("ab 3", new string(output, 0, n));
        Assert.Equal([0, 2, 3, 5], map[..n]);
    }

    [Fact]
    public void Organisation_file_overlays_defaults_and_reload_swaps_atomically()
    {
        var dir = Directory.CreateTempSubdirectory("lexicons-");
        try
        {
            var detector = new ReloadableCrisisDetector(new CrisisLexiconLoader(dir.FullName));
            Assert.Equal(CrisisSeverity.None, detector.Scan("time to take the long walk", "en").Severity);
            Assert.Equal(CrisisSeverity.Concern, detector.Scan("feeling hopeless", "en").Severity);

            File.WriteAllText(Path.Combine(dir.FullName, "org.json"), """
                { "language": "en",
                  "entries": [
                    { "term": "take the long walk", "severity": "high", "category": "ideation" },
                    { "term": "hopeless", "severity": "none", "category": "ideation" },
                    { "term": "feel hopeless", "severity": "none", "category": "ideation" }
                  ] }
                """);
            File.WriteAllText(Path.Combine(dir.FullName, "fr.json"), """
                { "language": "fr", "entries": [ { "term": "je veux mourir", "severity": "high", "category": "ideation" } ] }
                """);
            var before = detector.Current;
            var after = detector.Reload();
            Assert.NotSame(before, after);
            Assert.Equal(CrisisSeverity.High, detector.Scan("time to take the long walk", "en").Severity);
            Assert.Equal(CrisisSeverity.None, detector.Scan("feeling hopeless", "en").Severity);
            Assert.Equal(CrisisSeverity.High, detector.Scan("je veux mourir", "fr").Severity);
            Assert.Equal(CrisisSeverity.High, before.Scan("I want to die", "en").Severity); // old snapshot still whole

            File.WriteAllText(Path.Combine(dir.FullName, "broken.json"), """{ "language": "en", "entries": [ { "term": "x", "severity": "urgent", "category": "ideation" } ] }""");
            var error = Assert.Throws<FormatException>(() => detector.Reload());
            Assert.Contains("urgent", error.Message);
            Assert.Same(after, detector.Current);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Replace_true_drops_the_defaults_for_that_language()
    {
        var dir = Directory.CreateTempSubdirectory("lexicons-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "es.json"), """
                { "language": "es", "replace": true, "entries": [ { "term": "palabra clave", "severity": "concern", "category": "ideation" } ] }
                """);
            var scanner = new LexiconScanner(new CrisisLexiconLoader(dir.FullName).Load());
            Assert.Equal(CrisisSeverity.None, scanner.Scan("quiero morir", "es").Severity);
            Assert.Equal(CrisisSeverity.Concern, scanner.Scan("palabra clave", "es").Severity);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Default_lexicons_cover_three_languages()
    {
        var lexicons = CrisisLexiconLoader.LoadDefaults();
        Assert.Equal(["ar", "en", "es"], lexicons.Select(l => l.Language).Order());
        Assert.All(lexicons, l => Assert.True(l.Entries.Count > 150, $"{l.Language} has {l.Entries.Count} entries"));
    }
}
