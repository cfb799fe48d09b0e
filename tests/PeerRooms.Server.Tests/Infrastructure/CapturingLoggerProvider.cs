using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// Records everything a logger would write: the formatted message, every structured value, the
/// exception text and the active scopes, so a test can assert that a secret appears in none of them.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var sb = new StringBuilder();
            sb.Append(logLevel).Append(' ').Append(category).Append('[').Append(eventId.Id).Append("] ");
            sb.Append(formatter(state, exception));
            AppendValues(sb, state);
            if (exception is not null) sb.Append(" | exception: ").Append(exception);
            owner._scopes.ForEachScope((scope, b) => { b.Append(" | scope: ").Append(scope); AppendValues(b, scope); }, sb);
            owner._lines.Enqueue(sb.ToString());
        }

        private static void AppendValues(StringBuilder sb, object? state)
        {
            if (state is not IEnumerable<KeyValuePair<string, object?>> pairs) return;
            foreach (var (k, v) in pairs) sb.Append(" | ").Append(k).Append('=').Append(v);
        }
    }
}
