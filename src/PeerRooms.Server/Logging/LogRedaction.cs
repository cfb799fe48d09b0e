using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace PeerRooms.Server.Logging;

/// <summary>
/// The last line of defence for the redaction rule: applied to every log line of every category
/// (ASP.NET Core's and SignalR's included) at every level, by <see cref="RedactingLoggerFactory"/>.
/// <list type="bullet">
/// <item>Tokens: <c>access_token=…</c> (and other <c>*token=</c> query parameters), <c>Bearer …</c> and
/// anything shaped like a JWT become <c>[redacted]</c>. ASP.NET Core's request logging prints the query
/// string, where browsers put the hub token.</item>
/// <item>Payloads: SignalR hub messages (whose ToString lists the call's arguments, i.e. message text
/// and display names) are replaced by their target, id and argument count; PeerRooms domain and wire
/// objects (which carry text and names) by their type name.</item>
/// </list>
/// Our own messages are written not to need this (ids, codes and counts only); this catches the
/// framework's.
/// </summary>
public static partial class LogRedaction
{
    public const string Redacted = "[redacted]";
    private const string OriginalFormat = "{OriginalFormat}";

    /// <summary>The text with every token-looking part replaced.</summary>
    public static string Scrub(string text)
    {
        if (text.Length < 6) return text;
        var result = QueryToken().Replace(text, "${name}" + Redacted);
        result = BearerToken().Replace(result, "${scheme}" + Redacted);
        return Jwt().Replace(result, Redacted);
    }

    /// <summary>A log state made safe, or null when the original may be written as it is.</summary>
    public static RedactedLogState? Redact<TState>(TState state, Exception? exception, Func<TState, Exception?, string> formatter, out Exception? safeException)
    {
        safeException = exception;
        var changed = false;
        if (exception is not null)
        {
            var text = exception.ToString();
            var scrubbed = Scrub(text);
            if (!ReferenceEquals(text, scrubbed) && text != scrubbed)
            {
                safeException = new RedactedException(exception.GetType().FullName ?? "Exception", scrubbed);
                changed = true;
            }
        }

        List<KeyValuePair<string, object?>>? values = null;
        if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs)
        {
            values = new List<KeyValuePair<string, object?>>(pairs.Count);
            foreach (var (key, value) in pairs)
            {
                var valueChanged = false;
                var safe = key == OriginalFormat ? value : SafeValue(value, out valueChanged);
                changed |= valueChanged;
                values.Add(new KeyValuePair<string, object?>(key, safe));
            }
        }

        string message;
        if (changed && values is not null && values.Find(v => v.Key == OriginalFormat).Value is string format)
        {
            message = Scrub(Render(format, values));
        }
        else
        {
            var original = formatter(state, exception);
            message = Scrub(original);
            changed |= message != original;
        }
        if (!changed) return null;
        values ??= [];
        return new RedactedLogState(values, message);
    }

    /// <summary>A value safe to log, with <paramref name="changed"/> set when it had to be replaced.</summary>
    public static object? SafeValue(object? value, out bool changed)
    {
        changed = false;
        switch (value)
        {
            case null:
                return null;
            case string s:
                var scrubbed = Scrub(s);
                changed = scrubbed != s;
                return scrubbed;
            case HubMethodInvocationMessage invocation:
                changed = true;
                return $"{invocation.GetType().Name} {{ InvocationId: \"{invocation.InvocationId}\", Target: \"{invocation.Target}\", Arguments: {invocation.Arguments?.Length ?? 0} {Redacted} }}";
            case CompletionMessage completion:
                changed = true;
                return $"Completion {{ InvocationId: \"{completion.InvocationId}\", HasResult: {completion.HasResult}, Error: {(completion.Error is null ? "none" : Scrub(completion.Error))} }}";
            case StreamItemMessage item:
                changed = true;
                return $"StreamItem {{ InvocationId: \"{item.InvocationId}\", Item: {Redacted} }}";
            case HubMessage:
                return value;
            case IFormattable or bool or char:
                return value;
        }
        var type = value.GetType();
        if (type.Namespace?.StartsWith("PeerRooms.Core", StringComparison.Ordinal) == true)
        {
            changed = true;
            return $"{type.Name} {Redacted}";
        }
        var text = value.ToString() ?? "";
        var safe = Scrub(text);
        if (safe == text) return value;
        changed = true;
        return safe;
    }

    /// <summary>Renders a message template ("{Name}", "{Name:format}") with the given values.</summary>
    private static string Render(string format, IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        var queue = new Queue<object?>(values.Where(v => v.Key != OriginalFormat).Select(v => v.Value));
        var sb = new StringBuilder(format.Length + 32);
        var last = 0;
        foreach (Match m in Hole().Matches(format))
        {
            sb.Append(format, last, m.Index - last);
            var value = queue.Count > 0 ? queue.Dequeue() : null;
            var fmt = m.Groups["format"].Success ? m.Groups["format"].Value : null;
            sb.Append(value switch
            {
                null => "(null)",
                IFormattable f => f.ToString(fmt, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            });
            last = m.Index + m.Length;
        }
        sb.Append(format, last, format.Length - last);
        return sb.ToString().Replace("{{", "{").Replace("}}", "}");
    }

    [GeneratedRegex(@"(?<name>(?:access_|id_|refresh_)?token=)[^&\s""'#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryToken();

    [GeneratedRegex(@"(?<scheme>\bBearer\s+)[A-Za-z0-9\-_\.=+/~]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<!\{)\{(?<name>[^{}:,]+)(?:,[^{}:]+)?(?::(?<format>[^{}]+))?\}(?!\})", RegexOptions.CultureInvariant)]
    private static partial Regex Hole();
}

/// <summary>A log state whose values and message were made safe; formats to the safe message.</summary>
public sealed class RedactedLogState(IReadOnlyList<KeyValuePair<string, object?>> values, string message)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public KeyValuePair<string, object?> this[int index] => values[index];
    public int Count => values.Count;
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    public override string ToString() => message;
}

/// <summary>Stands in for an exception whose text contained a token: same type name, scrubbed text.</summary>
public sealed class RedactedException(string originalType, string scrubbedText) : Exception($"{originalType} (redacted)")
{
    public override string ToString() => scrubbedText;
}
