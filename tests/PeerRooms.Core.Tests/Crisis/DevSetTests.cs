using System.Text.Json;
using PeerRooms.Core.Crisis;
using Xunit.Abstractions;

namespace PeerRooms.Core.Tests.Crisis;

/// <summary>
/// Accuracy on the shared tuning set (../shared/crisis/dev-set.jsonl beside the repository). The set
/// is used for tuning only: no lexicon entry is a whole dev-set sentence (asserted below).
/// </summary>
public class DevSetTests(ITestOutputHelper output)
{
    private static readonly LexiconScanner Scanner = new(CrisisLexiconLoader.LoadDefaults());

    private sealed record Example(string Lang, string Expect, string Text);

    [Fact]
    public void Every_dev_set_example_gets_its_exact_severity()
    {
        var examples = Load();
        var failures = new List<string>();
        foreach (var e in examples)
        {
            Assert.True(CrisisSeverityNames.TryParse(e.Expect, out var expected), $"bad label '{e.Expect}'");
            var withLanguage = Scanner.Scan(e.Text, e.Lang);
            var anyLanguage = Scanner.Scan(e.Text);
            if (withLanguage.Severity != expected || anyLanguage.Severity != expected)
            {
                failures.Add($"[{e.Lang}] expected {e.Expect}, got {withLanguage} / any-language {anyLanguage}: {e.Text}");
            }
        }

        var accuracy = 1.0 - (double)failures.Count / examples.Count;
        output.WriteLine($"dev-set exact accuracy {accuracy:P1} ({examples.Count - failures.Count}/{examples.Count})");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void No_lexicon_entry_is_a_whole_dev_set_sentence()
    {
        var sentences = Load().Select(e => TextNormalizer.Normalize(e.Text)).ToHashSet();
        var entries = CrisisLexiconLoader.LoadDefaults().SelectMany(l => l.Entries)
            .Where(entry => sentences.Contains(TextNormalizer.Normalize(entry.Term)));
        Assert.Empty(entries);
    }

    private static List<Example> Load()
    {
        var path = DevSetPath();
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<Example>(l, options)!)
            .ToList();
    }

    private static string DevSetPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PeerRooms.sln")))
        {
            dir = dir.Parent;
        }

        Assert.True(dir is not null, $"Could not find the repository root (PeerRooms.sln) above {AppContext.BaseDirectory}.");
        var candidates = new List<string> { Path.Combine(dir!.FullName, "..", "shared", "crisis", "dev-set.jsonl") };

        // In a git worktree the checkout lives elsewhere; ".git" is then a file naming the main
        // repository's git directory, and shared/ sits beside the main checkout.
        var gitFile = Path.Combine(dir.FullName, ".git");
        if (File.Exists(gitFile) && File.ReadAllText(gitFile).Trim() is var line && line.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            var gitDir = new DirectoryInfo(line["gitdir:".Length..].Trim());
            while (gitDir is not null && gitDir.Name != ".git")
            {
                gitDir = gitDir.Parent;
            }

            if (gitDir?.Parent is { } mainCheckout)
            {
                candidates.Add(Path.Combine(mainCheckout.FullName, "..", "shared", "crisis", "dev-set.jsonl"));
            }
        }

        var path = candidates.Select(Path.GetFullPath).FirstOrDefault(File.Exists);
        Assert.True(path is not null,
            $"The crisis dev set is missing: expected shared/crisis/dev-set.jsonl beside the repository, looked at {string.Join(", ", candidates.Select(Path.GetFullPath))}.");
        return path!;
    }
}
