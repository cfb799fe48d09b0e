using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PeerRooms.Server.Logging;

/// <summary>
/// The application's <see cref="ILoggerFactory"/>: the standard factory (same providers, filters and
/// scopes) with every logger wrapped so each line passes <see cref="LogRedaction"/> before any
/// provider sees it. Because it wraps the factory rather than individual providers, providers added
/// later (by configuration, by a test) are covered too, at whatever level an operator enables.
/// </summary>
public sealed class RedactingLoggerFactory : ILoggerFactory
{
    private readonly LoggerFactory _inner;
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public RedactingLoggerFactory(IEnumerable<ILoggerProvider> providers, IOptionsMonitor<LoggerFilterOptions> filters,
        IOptions<LoggerFactoryOptions>? options = null, IExternalScopeProvider? scopes = null)
        => _inner = new LoggerFactory(providers, filters, options, scopes);

    /// <summary>One wrapper per category, like the inner factory's own cache (request-scoped services ask on every request).</summary>
    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, static (name, inner) => new RedactingLogger(inner.CreateLogger(name)), _inner);

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    public void Dispose() => _inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> or string)
            {
                var safe = LogRedaction.Redact(state, null, static (s, _) => s.ToString() ?? "", out _);
                if (safe is not null) return inner.BeginScope(safe);
            }
            return inner.BeginScope(state);
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel)) return;
            var safe = LogRedaction.Redact(state, exception, formatter, out var safeException);
            if (safe is null) inner.Log(logLevel, eventId, state, exception, formatter);
            else inner.Log(logLevel, eventId, safe, safeException, static (s, _) => s.ToString());
        }
    }
}
