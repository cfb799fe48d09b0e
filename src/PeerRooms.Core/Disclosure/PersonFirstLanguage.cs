using System.Text.RegularExpressions;

namespace PeerRooms.Core.Disclosure;

/// <summary>A gentle, private suggestion about one stigmatising term in a message.</summary>
public sealed record LanguageNudge(string Term, string Language, string Suggestion, string Text);

/// <summary>
/// Person-first language nudges (room policy <c>languageNudges</c>, off by default). Finds
/// stigmatising labels — "addict", "junkie", "clean/dirty" about drug tests, "alcoholic" as a noun —
/// in English, Spanish and Arabic, and words a private suggestion in the language of the term. It
/// never blocks or changes the message: people in recovery may describe themselves as they choose;
/// the nudge only offers an alternative.
/// </summary>
public static partial class PersonFirstLanguage
{
    /// <summary>At most this many nudges per message, so a long message is not answered with a lecture.</summary>
    public const int MaxNudges = 2;

    private sealed record Term(Regex Pattern, string Language, string Suggestion);

    private static readonly Term[] Terms =
    [
        new(EnglishAddict(), "en", "person with a substance use disorder"),
        new(EnglishAlcoholic(), "en", "person with an alcohol use disorder"),
        new(EnglishCleanDirty(), "en", "a negative / positive test result"),
        new(SpanishAddict(), "es", "persona con un trastorno por consumo de sustancias"),
        new(SpanishAlcoholic(), "es", "persona con un trastorno por consumo de alcohol"),
        new(SpanishCleanDirty(), "es", "un resultado negativo / positivo"),
        new(ArabicAddict(), "ar", "شخص يعاني من اضطراب تعاطي المواد"),
        new(ArabicAlcoholic(), "ar", "شخص يعاني من اضطراب تعاطي الكحول"),
        new(ArabicCleanDirty(), "ar", "نتيجة سلبية / إيجابية"),
    ];

    public static IReadOnlyList<LanguageNudge> Find(string text)
    {
        var nudges = new List<LanguageNudge>();
        foreach (var term in Terms)
        {
            var m = term.Pattern.Match(text);
            if (!m.Success) continue;
            var found = m.Groups["term"].Success ? m.Groups["term"].Value : m.Value;
            nudges.Add(new LanguageNudge(found, term.Language, term.Suggestion, Word(term.Language, found, term.Suggestion)));
            if (nudges.Count == MaxNudges) break;
        }
        return nudges;
    }

    private static string Word(string language, string term, string suggestion) => language switch
    {
        "es" => $"“{term}” puede sonar a etiqueta. Muchas personas prefieren un lenguaje que nombre primero a la persona, por ejemplo: “{suggestion}”. Tu mensaje se envió tal como lo escribiste.",
        "ar" => $"قد تبدو كلمة «{term}» وصمةً. يفضّل كثيرون لغةً تضع الشخص أولاً، مثل: «{suggestion}». أُرسلت رسالتك كما كتبتها.",
        _ => $"“{term}” can land as a label. Many people prefer person-first language, for example “{suggestion}”. Your message was sent as you wrote it.",
    };

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(?<term>addicts?|junkies|junkie|junky)\b", Options)]
    private static partial Regex EnglishAddict();

    // "alcoholic" as a label (an alcoholic, alcoholics), not as an adjective (an alcoholic drink).
    [GeneratedRegex(@"\b(?<term>alcoholics)\b|\b(?:an|the|that|this|another|some|every|no)\s+(?<term>alcoholic)\b(?!\s+(?:drinks?|beverages?|content|liquors?|spirits?|punch|parents?|father|mother|dad|mom|family|hepatitis|liver))|\b(?:i'?m|i am|he'?s|she'?s|they'?re|is|are|was|were)\s+(?:an?\s+)?(?<term>alcoholic)\s*(?:[.!?,;]|$)", Options)]
    private static partial Regex EnglishAlcoholic();

    [GeneratedRegex(@"\b(?<term>(?:clean|dirty)\s+(?:drug\s+|urine\s+|tox\s+)?(?:tests?|screens?|UAs?|urine|samples?|results?))\b|\b(?<term>tested\s+(?:clean|dirty))\b|\b(?:test|screen|UA|urine|sample|result)s?\s+(?:came\s+back|was|were|is|are|came\s+out)\s+(?<term>clean|dirty)\b", Options)]
    private static partial Regex EnglishCleanDirty();

    [GeneratedRegex(@"\b(?<term>drogadict[oa]s?|adict[oa]s|yonquis?|yonkis?)\b|\b(?:un|una|el|la|los|las|ese|esa|soy|eres|es|son)\s+(?<term>adict[oa])\b(?!\s+a\b)", Options)]
    private static partial Regex SpanishAddict();

    [GeneratedRegex(@"\b(?:un|una|el|la|los|las|ese|esa|soy|eres|es|son)\s+(?<term>alcohólic[oa]s?|alcoholic[oa]s?)\b(?!\s+(?:bebidas?|tragos?))", Options)]
    private static partial Regex SpanishAlcoholic();

    [GeneratedRegex(@"\b(?:prueba|análisis|analisis|examen|test|control|muestra|resultado)s?\s+(?:de\s+(?:drogas|orina)\s+)?(?:salió|salio|dio|fue|está|esta|estaba)\s+(?<term>limpi[oa]|suci[oa])\b|\b(?<term>(?:di|salí|sali)\s+(?:limpi[oa]|suci[oa]))\s+(?:en\s+(?:la|el)\s+)?(?:prueba|análisis|analisis|examen|control)", Options)]
    private static partial Regex SpanishCleanDirty();

    [GeneratedRegex(@"(?<![\p{L}])(?<term>(?:و|ف|ب|ل)?(?:ال|لل)?مدمن(?:ين|ون|ة|ات)?)(?![\p{L}])(?!\s+(?:على|عمل))", Options)]
    private static partial Regex ArabicAddict();

    [GeneratedRegex(@"(?<![\p{L}])(?<term>(?:و|ف|ب|ل)?(?:ال|لل)?(?:سكّير|سكير|سكيرة|سكارى))(?![\p{L}])", Options)]
    private static partial Regex ArabicAlcoholic();

    [GeneratedRegex(@"(?:تحليل|فحص|نتيجة|اختبار)\S*\s+(?:\S+\s+)?(?<term>نظيف(?:ة)?|وسخ(?:ة)?|قذر(?:ة)?)(?![\p{L}])", Options)]
    private static partial Regex ArabicCleanDirty();
}
