using Microsoft.Data.Sqlite;
using RulesEngine.Persistence.Infrastructure.HotPath;

namespace RulesEngine.Persistence.Tests.Sqlite;

/// <summary>
/// The SQLite hot-path writer leaves WAL checkpoints to a thread beside it; when another connection holds them off, they
/// must be retried, or the WAL would grow without end. (Steady concurrent writes through the stores:
/// HotPathWriteTests.SustainedWritesOnSqlite_KeepTheWalBounded.)
/// </summary>
public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task ACheckpointHeldOffByAnotherConnection_IsRetried_AndTheWalStillStartsOver()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("rulesengine-checkpointer-");
        var file = Path.Combine(directory.FullName, "wal.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        try
        {
            await using var writer = await OpenAsync(connectionString);
            Execute(writer, "PRAGMA journal_mode=WAL; CREATE TABLE t(id INTEGER PRIMARY KEY, pad TEXT);");
            SqliteCheckpointer.TakeOverCheckpoints(writer);
            using var checkpointer = new SqliteCheckpointer(await OpenAsync(connectionString));
            var pad = new string('x', 3000);
            var id = 0;
            void WriteBatch()
            {
                checkpointer.FinishIfRequested(writer);
                using var transaction = writer.BeginTransaction();
                for (var i = 0; i < 50; i++)
                {
                    Execute(writer, $"INSERT INTO t(id, pad) VALUES ({id++}, '{pad}');", transaction);
                }

                transaction.Commit();
                checkpointer.Written();
            }

            WriteBatch();

            // Another connection holds the checkpoint lock: a reader keeps an old snapshot, and a RESTART checkpoint
            // waits for it (up to its busy timeout) while holding the lock. Meanwhile every checkpoint of ours is busy.
            await using var reader = await OpenAsync(connectionString);
            using var snapshot = reader.BeginTransaction(deferred: true);
            Execute(reader, "SELECT count(*) FROM t;", snapshot);
            WriteBatch();
            var restart = Task.Run(
                async () =>
                {
                    await using var other = await OpenAsync(connectionString);
                    Execute(other, "PRAGMA busy_timeout=3000; PRAGMA wal_checkpoint(RESTART);");
                },
                ct);
            await Task.Delay(300, ct);
            for (var i = 0; i < 5; i++)
            {
                checkpointer.Written();
                await Task.Delay(60, ct);
            }

            snapshot.Commit();
            await restart;

            // 600 batches of 150 KB: about 90 MB through the WAL.
            for (var batch = 0; batch < 600; batch++)
            {
                WriteBatch();
            }

            var database = new FileInfo(file).Length;
            var wal = new FileInfo(file + "-wal").Length;
            database.ShouldBeGreaterThan(80_000_000L, "the checkpoints copied the written pages into the database file");
            wal.ShouldBeLessThan(database / 4, $"WAL {wal:N0} bytes beside a database of {database:N0} bytes");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        using var reader = command.ExecuteReader();
        while (reader.NextResult())
        {
        }
    }
}
