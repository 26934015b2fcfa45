using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RulesEngine.Persistence.Infrastructure;

/// <summary>
/// Sets our pragmas on every SQLite connection EF opens (they are per connection):
/// <list type="bullet">
/// <item><c>synchronous</c> when configured. In WAL mode NORMAL syncs at checkpoints instead of at every commit: a
/// commit survives a process crash (SIGKILL), and only an OS crash or power loss may lose the last commits. FULL syncs
/// every commit.</item>
/// <item><c>busy_timeout</c>: a connection that finds the database locked by another writer waits in SQLite, which
/// retries after 1, 2, 5, 10 ms and so on. Without it, Microsoft.Data.Sqlite retries after sleeping 150 ms each time,
/// and those sleeps were most of the cron fire lateness (Quartz's threads and the webhook writer take turns).</item>
/// </list>
/// </summary>
internal sealed class SqlitePragmaInterceptor(string? mode) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection, mode);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection, mode);
        return Task.CompletedTask;
    }

    /// <summary>
    /// How long SQLite itself waits for a lock before it reports the database busy; Microsoft.Data.Sqlite then retries
    /// until the command's timeout, so this only sets how finely the wait is cut.
    /// </summary>
    internal const int BusyTimeoutMilliseconds = 1000;

    /// <summary>Sets the pragmas on an open connection (also for <see cref="SqlitePragmaProviderFactory"/>'s connections).</summary>
    internal static void Apply(DbConnection connection, string? mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.IsNullOrEmpty(mode)
            ? $"PRAGMA busy_timeout={BusyTimeoutMilliseconds};"
            : $"PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA synchronous={mode.ToUpperInvariant()};";
        command.ExecuteNonQuery();
    }
}
