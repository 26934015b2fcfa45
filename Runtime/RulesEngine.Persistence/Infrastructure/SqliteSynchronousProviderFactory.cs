using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace RulesEngine.Persistence.Infrastructure;

/// <summary>
/// A SQLite <see cref="DbProviderFactory"/> whose connections open with the same <c>PRAGMA synchronous</c> as EF's
/// (<see cref="SqliteSynchronousInterceptor"/>), for components that open their own connections, such as Quartz's job
/// store. Left at FULL, each of their commits would wait for a disk flush.
/// </summary>
public sealed class SqliteSynchronousProviderFactory : DbProviderFactory
{
    private readonly string _mode;

    public SqliteSynchronousProviderFactory(string mode)
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
            SqliteSynchronousInterceptor.Apply(this, mode);
        }

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            await base.OpenAsync(cancellationToken).ConfigureAwait(false);
            SqliteSynchronousInterceptor.Apply(this, mode);
        }
    }
}
