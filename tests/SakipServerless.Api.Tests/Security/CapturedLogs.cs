using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SakipServerless.Api.Tests.Security;

/// <summary>A logger provider that keeps every entry, so a test can show that a refusal was logged with its event id.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(int EventId, LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(int EventId, LogLevel Level, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
    }
}
