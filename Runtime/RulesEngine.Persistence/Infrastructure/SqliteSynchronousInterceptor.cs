using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RulesEngine.Persistence.Infrastructure;

/// <summary>
/// Sets <c>PRAGMA synchronous</c> on every SQLite connection EF opens (the setting is per connection). In WAL mode,
/// NORMAL syncs at checkpoints instead of at every commit: a commit survives a process crash (SIGKILL), and only an OS
/// crash or power loss may lose the last commits. FULL syncs every commit.
/// </summary>
internal sealed class SqliteSynchronousInterceptor(string mode) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection, mode);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection, mode);
        return Task.CompletedTask;
    }

    /// <summary>Sets the pragma on an open connection (also for <see cref="SqliteSynchronousProviderFactory"/>'s connections).</summary>
    internal static void Apply(DbConnection connection, string mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous={mode};";
        command.ExecuteNonQuery();
    }
}
