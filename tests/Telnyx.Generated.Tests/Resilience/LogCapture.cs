using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Telnyx.Generated.Tests.Resilience;

/// <summary>An ILogger that keeps every line and its structured values.</summary>
internal sealed class LogCapture : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value)
            : new Dictionary<string, object?>();
        Lines.Enqueue((logLevel, formatter(state, exception), values, exception));
        Logged?.Invoke(values);
    }

    /// <summary>Called with each line's values as it is logged, on the logging thread.</summary>
    public Action<IReadOnlyDictionary<string, object?>>? Logged { get; set; }

    /// <summary>Everything a reader of the logs could see.</summary>
    public IEnumerable<string> AllText() =>
        Lines.SelectMany(l => new[] { l.Message, l.Exception?.ToString() ?? "" }.Concat(l.Values.Select(v => $"{v.Key}={v.Value}")));
}
