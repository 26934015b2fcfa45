using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace RulesEngine.Host.Features.Schedules;

/// <summary>
/// Opens Quartz's SQLite connections with the same <c>PRAGMA synchronous</c> as the rest of the database (NORMAL by
/// default, <c>Database:SqliteSynchronous</c>).
/// </summary>
/// <remarks>
/// The pragma is per connection and Microsoft.Data.Sqlite has no connection-string keyword for it; left at FULL, each of
/// the several commits Quartz makes per fire waits for a disk flush, which alone made the 10,000-trigger benchmark miss its
/// lateness goal on SQLite. In WAL mode NORMAL still never corrupts the file; a power cut may lose the last commits.
/// </remarks>
internal sealed class QuartzSqliteFactory : DbProviderFactory
{
    private readonly string _synchronous;

    public QuartzSqliteFactory(string synchronous)
    {
        // Goes into a statement: only the modes Database:SqliteSynchronous accepts.
        _synchronous = synchronous.ToUpperInvariant() is "NORMAL" or "FULL" or "EXTRA" ? synchronous.ToUpperInvariant()
            : throw new ArgumentException($"Database:SqliteSynchronous must be NORMAL, FULL or EXTRA, not '{synchronous}'.", nameof(synchronous));
    }

    public override DbConnection CreateConnection() => new Connection(_synchronous);

    public override DbCommand CreateCommand() => SqliteFactory.Instance.CreateCommand();

    public override DbParameter CreateParameter() => SqliteFactory.Instance.CreateParameter();

    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => SqliteFactory.Instance.CreateConnectionStringBuilder();

    private sealed class Connection(string synchronous) : SqliteConnection
    {
        public override void Open()
        {
            base.Open();
            using var pragma = CreateCommand();
            pragma.CommandText = $"PRAGMA synchronous = {synchronous}";
            pragma.ExecuteNonQuery();
        }

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            await base.OpenAsync(cancellationToken).ConfigureAwait(false);
            var pragma = CreateCommand();
            await using (pragma.ConfigureAwait(false))
            {
                pragma.CommandText = $"PRAGMA synchronous = {synchronous}";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
