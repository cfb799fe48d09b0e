using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerRooms.Core.Crisis;

/// <summary>
/// Reads the lexicon JSON format (documented in docs/crisis-detection.md). Strict: an unknown
/// severity, category or signal is an error naming the file and the term, because a silently
/// skipped entry is a crisis that goes unseen.
/// </summary>
public static class LexiconFileParser
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>A parsed file: the lexicon and whether it replaces the defaults for its language.</summary>
    public sealed record ParsedLexiconFile(CrisisLexicon Lexicon, bool ReplacesDefaults);

    /// <summary>Parses one file's text. <paramref name="sourceName"/> is used in error messages.</summary>
    /// <exception cref="FormatException">The file is not a valid lexicon.</exception>
    public static ParsedLexiconFile Parse(string json, string sourceName)
    {
        LexiconFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<LexiconFileDto>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Lexicon '{sourceName}' is not valid JSON: {ex.Message}", ex);
        }

        if (dto is null || string.IsNullOrWhiteSpace(dto.Language))
        {
            throw new FormatException($"Lexicon '{sourceName}' must have a \"language\".");
        }

        var entries = new List<LexiconEntry>();
        foreach (var e in dto.Entries ?? [])
        {
            entries.Add(ParseEntry(e, sourceName));
        }

        var c = dto.Context ?? new ContextDto();
        var cues = new LexiconContextCues(
            c.Negations ?? [], c.NegationBreakers ?? [], c.Figurative ?? [], c.ThirdParty ?? [],
            c.FirstPerson ?? [], c.Past ?? [], c.Relapse ?? []);
        return new ParsedLexiconFile(new CrisisLexicon(dto.Language, entries, cues), dto.Replace);
    }

    private static LexiconEntry ParseEntry(EntryDto e, string sourceName)
    {
        if (string.IsNullOrWhiteSpace(e.Term) || TextNormalizer.Normalize(e.Term).Length == 0)
        {
            throw new FormatException($"Lexicon '{sourceName}' has an entry with an empty term.");
        }

        if (!CrisisSeverityNames.TryParse(e.Severity, out var severity))
        {
            throw new FormatException($"Lexicon '{sourceName}', term '{e.Term}': unknown severity '{e.Severity}'.");
        }

        if (!CrisisCategoryNames.TryParse(e.Category, out var category))
        {
            throw new FormatException($"Lexicon '{sourceName}', term '{e.Term}': unknown category '{e.Category}'.");
        }

        var signals = CrisisSignals.None;
        foreach (var name in e.Signals ?? [])
        {
            if (!CrisisSignalNames.TryParse(name, out var signal))
            {
                throw new FormatException($"Lexicon '{sourceName}', term '{e.Term}': unknown signal '{name}'.");
            }

            signals |= signal;
        }

        return new LexiconEntry(e.Term.Trim(), severity, category, signals);
    }

    private sealed class LexiconFileDto
    {
        public string? Language { get; set; }

        public bool Replace { get; set; }

        public List<EntryDto>? Entries { get; set; }

        public ContextDto? Context { get; set; }
    }

    private sealed class EntryDto
    {
        public string? Term { get; set; }

        public string? Severity { get; set; }

        public string? Category { get; set; }

        public List<string>? Signals { get; set; }
    }

    private sealed class ContextDto
    {
        public List<string>? Negations { get; set; }

        [JsonPropertyName("negationBreakers")]
        public List<string>? NegationBreakers { get; set; }

        public List<string>? Figurative { get; set; }

        [JsonPropertyName("thirdParty")]
        public List<string>? ThirdParty { get; set; }

        [JsonPropertyName("firstPerson")]
        public List<string>? FirstPerson { get; set; }

        public List<string>? Past { get; set; }

        public List<string>? Relapse { get; set; }
    }
}
