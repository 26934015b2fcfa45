using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace RulesEngine.Persistence.Infrastructure;

/// <summary>
/// A SQLite <see cref="DbProviderFactory"/> whose connections open with the same pragmas as EF's
/// (<see cref="SqlitePragmaInterceptor"/>: <c>synchronous</c> and <c>busy_timeout</c>), for components that open their own
/// connections, such as Quartz's job store. Left at FULL, each of their commits would wait for a disk flush; without a
/// busy timeout, each lock they meet costs a 150 ms sleep.
/// </summary>
public sealed class SqlitePragmaProviderFactory : DbProviderFactory
{
    private readonly string _mode;

    public SqlitePragmaProviderFactory(string mode)
    {
        // Goes into a statement: only the modes Database:SqliteSynchronous accepts.
        _mode = mode.ToUpperInvariant() is "NORMAL" or "FULL" or "EXTRA" ? mode.ToUpperInvariant()
            : throw new ArgumentException($"Database:SqliteSynchronous must be NORMAL, FULL or EXTRA, not '{mode}'.", nameof(mode));
    }

    public override DbConnection CreateConnection() => new Connection(_mode);

    public override DbCommand CreateCommand() => SqliteFactory.Instance.CreateCommand();

    public override DbParameter CreateParameter() => SqliteFactory.Instance.CreateParameter();

    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => SqliteFactory.Instance.CreateConnectionStringBuilder();

    private sealed class Connection(string mode) : SqliteConnection
    {
        public override void Open()
        {
            base.Open();
            SqlitePragmaInterceptor.Apply(this, mode);
        }

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            await base.OpenAsync(cancellationToken).ConfigureAwait(false);
            SqlitePragmaInterceptor.Apply(this, mode);
        }
    }
}
