using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RulesEngine.Host.Tests.Api.Support;

/// <summary>Keeps every formatted log message (and exception text) of the hosts, so tests can assert secrets never reach logs.</summary>
public sealed class LogCollector : ILoggerProvider
{
    public static LogCollector Instance { get; } = new();

    public ConcurrentQueue<string> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collecting(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collecting(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Messages.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
