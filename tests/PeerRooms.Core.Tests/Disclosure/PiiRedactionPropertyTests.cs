using System.Text;
using PeerRooms.Core.Disclosure;

namespace PeerRooms.Core.Tests.Disclosure;

/// <summary>
/// Property tests of the redaction rules over generated text (System.Random with fixed seeds, so a
/// failure reproduces): no phone number or email address survives, whatever the digits' script or
/// spacing, and ordinary text comes back unchanged.
/// </summary>
public class PiiRedactionPropertyTests
{
    private const int Cases = 400;

    private static readonly string[] Words =
    [
        "today", "I", "felt", "better", "after", "the", "meeting", "thank", "you", "all", "for", "listening",
        "my", "sponsor", "said", "one", "day", "at", "a", "time", "hope", "recovery", "is", "possible", "we",
        "hoy", "me", "siento", "mejor", "gracias", "por", "escuchar", "grupo", "esperanza", "días", "semana",
        "اليوم", "أشعر", "بتحسن", "شكراً", "للجميع", "الأمل", "التعافي", "ممكن", "يوم", "أسبوع",
        "(smile)", "—", "...", "it's", "don't", "co-worker", "e-mail", "well-being", "3:30pm", "50%",
    ];

    private static readonly char[][] DigitSets =
    [
        "0123456789".ToCharArray(),
        "٠١٢٣٤٥٦٧٨٩".ToCharArray(), // Arabic-Indic
        "۰۱۲۳۴۵۶۷۸۹".ToCharArray(), // Extended Arabic-Indic (Persian, Urdu)
        "０１２３４５６７８９".ToCharArray(), // full width
    ];

    private static readonly string[] Separators = [" ", "-", ".", " - ", "  ", "/", "\u00A0", ""];

    private static string OrdinaryText(Random rng)
    {
        var sb = new StringBuilder();
        var n = rng.Next(1, 25);
        var lastWasNumber = false;
        for (var i = 0; i < n; i++)
        {
            if (sb.Length > 0) sb.Append(rng.Next(8) == 0 ? ", " : " ");
            // Small numbers only, never two in a row: ordinary talk ("3 years", "day 45").
            if (!lastWasNumber && rng.Next(6) == 0)
            {
                var digits = DigitSets[rng.Next(DigitSets.Length)];
                var value = rng.Next(0, 1000).ToString();
                foreach (var c in value) sb.Append(digits[c - '0']);
                lastWasNumber = true;
            }
            else
            {
                sb.Append(Words[rng.Next(Words.Length)]);
                lastWasNumber = false;
            }
        }
        return sb.ToString();
    }

    private static (string Text, string Digits) Phone(Random rng)
    {
        var set = DigitSets[rng.Next(DigitSets.Length)];
        var count = rng.Next(7, 16);
        var sb = new StringBuilder();
        var ascii = new StringBuilder();
        if (rng.Next(3) == 0) sb.Append('+');
        var spacedOut = rng.Next(4) == 0;
        var sep = Separators[rng.Next(Separators.Length)];
        for (var i = 0; i < count; i++)
        {
            var d = rng.Next(10);
            if (i > 0 && (spacedOut || rng.Next(4) == 0)) sb.Append(spacedOut ? " " : sep);
            sb.Append(set[d]);
            ascii.Append((char)('0' + d));
        }
        return (sb.ToString(), ascii.ToString());
    }

    private static string Email(Random rng)
    {
        string Label(int min, int max) => new(Enumerable.Range(0, rng.Next(min, max)).Select(_ => "abcdefghijklmnopqrstuvwxyz0123456789"[rng.Next(36)]).ToArray());
        var local = Label(1, 10) + (rng.Next(2) == 0 ? "." + Label(1, 8) : "") + (rng.Next(4) == 0 ? "+tag" : "");
        var domain = Label(2, 12) + (rng.Next(3) == 0 ? "." + Label(2, 6) : "");
        var tld = new[] { "com", "org", "net", "es", "mx", "sa", "io" }[rng.Next(7)];
        var at = new[] { "@", " @ ", "(at)", " [at] ", "＠" }[rng.Next(5)];
        var dot = new[] { ".", ".", " (dot) ", "[dot]", " dot " }[rng.Next(5)];
        return local + at + domain + dot + tld;
    }

    /// <summary>Digits of the text in ASCII, every other character dropped.</summary>
    private static string DigitsOf(string s) => new(s.Where(char.IsDigit).Select(c => (char)('0' + (int)char.GetNumericValue(c))).ToArray());

    [Fact]
    public void Ordinary_text_is_unchanged()
    {
        var rng = new Random(20261124);
        for (var i = 0; i < Cases; i++)
        {
            var text = OrdinaryText(rng);
            var result = PiiRedactor.Redact(text);
            Assert.True(!result.Changed && result.Text == text, $"case {i}: '{text}' became '{result.Text}'");
        }
    }

    [Fact]
    public void No_phone_number_survives_in_any_script_or_spacing()
    {
        var rng = new Random(4242);
        for (var i = 0; i < Cases; i++)
        {
            var (phone, digits) = Phone(rng);
            var text = OrdinaryText(rng) + " " + phone + " " + OrdinaryText(rng);
            var result = PiiRedactor.Redact(text);
            Assert.True(result.Masked.Contains(PiiKinds.Phone) && result.Text.Contains(PiiRedactor.PhoneMask), $"case {i}: '{phone}' not masked in '{result.Text}'");
            Assert.False(DigitsOf(result.Text).Contains(digits), $"case {i}: digits of '{phone}' survived in '{result.Text}'");
            Assert.True(LongestDigitRun(result.Text) < PiiRedactor.MinPhoneDigits, $"case {i}: '{result.Text}'");
        }
    }

    [Fact]
    public void No_email_address_survives()
    {
        var rng = new Random(777);
        for (var i = 0; i < Cases; i++)
        {
            var email = Email(rng);
            var text = OrdinaryText(rng) + " " + email + " " + OrdinaryText(rng);
            var result = PiiRedactor.Redact(text);
            Assert.Contains(PiiKinds.Email, result.Masked);
            Assert.DoesNotContain(email.Trim(), result.Text);
            Assert.DoesNotContain("@", result.Text);
            Assert.DoesNotContain("＠", result.Text);
        }
    }

    [Fact]
    public void Identifiers_such_as_guids_are_not_phone_numbers()
    {
        var rng = new Random(31337);
        for (var i = 0; i < Cases; i++)
        {
            var bytes = new byte[16];
            rng.NextBytes(bytes);
            var id = new Guid(bytes).ToString(i % 2 == 0 ? "N" : "D");
            if (id.All(c => char.IsDigit(c) || c == '-')) continue; // all digits: indistinguishable from a number
            var text = $"ref {id} {OrdinaryText(rng)}";
            Assert.Equal(text, PiiRedactor.Redact(text).Text);
        }
    }

    [Fact]
    public void Redaction_is_idempotent()
    {
        var rng = new Random(99);
        for (var i = 0; i < Cases; i++)
        {
            var text = OrdinaryText(rng) + " " + Phone(rng).Text + " " + Email(rng) + " " + OrdinaryText(rng);
            var once = PiiRedactor.Redact(text).Text;
            var twice = PiiRedactor.Redact(once);
            Assert.False(twice.Changed, $"case {i}: '{once}' changed again to '{twice.Text}'");
        }
    }

    /// <summary>Text that comes close to every pattern's trigger without always completing it.</summary>
    private static readonly string[] NearMisses =
    [
        "at", " at ", "AT", " At\t", "arroba", " ARROBA ", "(at)", "[AT]", "{at}", "(@)", "[@]", "@", "＠", "a@b", "x at y dot com",
        "dot", "(dot)", "punto", "street", "St.", "calle", "Avda.", "c/", "شارع", "جادة", "زقاق", "رقم", "١٢", "42", "7",
        "\u00A0at\u00A0", "\u2003at\u2028", "\nat\n", "cat ", " atlas", "Maple", "Ave", "n.º", "#", ",", "-", "+",
    ];

    [Fact]
    public void Pre_checks_never_skip_a_pattern_that_would_match()
    {
        var rng = new Random(5150);
        for (var i = 0; i < Cases * 5; i++)
        {
            var sb = new StringBuilder();
            var parts = rng.Next(1, 12);
            for (var p = 0; p < parts; p++)
            {
                var pick = rng.Next(10);
                sb.Append(pick switch
                {
                    < 4 => NearMisses[rng.Next(NearMisses.Length)],
                    < 6 => OrdinaryText(rng),
                    6 => Phone(rng).Text,
                    7 => Email(rng),
                    8 => $"{rng.Next(1, 999)} {Words[rng.Next(Words.Length)]} {new[] { "Street", "st", "Ave", "road" }[rng.Next(4)]}",
                    _ => Words[rng.Next(Words.Length)],
                });
                sb.Append(new[] { " ", "", "\t", "\u00A0", " , " }[rng.Next(5)]);
            }
            var text = sb.ToString();
            var fast = PiiRedactor.Redact(text);
            var reference = PiiRedactor.RedactExhaustively(text);
            Assert.True(fast.Text == reference.Text && fast.Masked.SequenceEqual(reference.Masked),
                $"case {i}: '{text}' gave '{fast.Text}' but every pattern gives '{reference.Text}'");
        }
    }

    /// <summary>Longest run of digits joined only by phone separators, counted as the redactor would.</summary>
    private static int LongestDigitRun(string s)
    {
        int best = 0, current = 0, separators = 0;
        foreach (var c in s)
        {
            if (char.IsDigit(c)) { current++; separators = 0; best = Math.Max(best, current); }
            else if (c is ' ' or '-' or '.' or '(' or ')' or '/' or '\u00A0' && ++separators <= 3) { }
            else { current = 0; separators = 0; }
        }
        return best;
    }
}
