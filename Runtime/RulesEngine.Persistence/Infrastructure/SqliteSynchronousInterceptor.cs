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
    private readonly string _pragma = $"PRAGMA synchronous={mode};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }
}
