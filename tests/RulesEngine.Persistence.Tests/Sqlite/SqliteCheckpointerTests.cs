using Microsoft.Data.Sqlite;
using RulesEngine.Persistence.Inbox;
using RulesEngine.Persistence.Infrastructure.HotPath;
using RulesEngine.Persistence.Instances;

namespace RulesEngine.Persistence.Tests.Sqlite;

/// <summary>
/// The SQLite hot-path writer leaves WAL checkpoints to a thread beside it. Under steady concurrent writes the pages
/// must still reach the database file and the WAL must still start over, or it would grow without end.
/// </summary>
public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task SteadyConcurrentWrites_ReachTheDatabaseFile_AndTheWalStartsOver()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var inbox = db.Get<IWebhookInboxStore>();
        var tenant = Some.TenantId();
        var pad = new string('x', 1500);

        // 16 callers, 16,000 deliveries of 1.5 KB: about 30 MB of rows and index pages, many times what the WAL may hold.
        // They come in bursts with quiet moments between, when the checkpointer and the writer go idle and then both
        // wake on the next write: their checkpoints meet, and the one held off must carry on.
        const int Deliveries = 16_000;
        const int Burst = 1_000;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Deliveries)
                {
                    if (i % Burst == 0 && i > 0)
                    {
                        await Task.Delay(50, ct);
                    }

                    var instance = new WorkflowInstance
                    {
                        Id = $"i-{i:D6}",
                        TenantId = tenant,
                        DefinitionId = "wf",
                        Version = 1,
                        Status = WorkflowStatus.Running,
                        LeaseOwner = "node-a",
                        LeaseExpiresAt = db.Time.GetUtcNow().AddMinutes(5),
                        TriggerKind = "http",
                    };
                    await inbox.TryAddStartedAsync(new NewWebhookInboxItem(tenant, "http:/x", $"k-{i:D6}", null, $"{{\"n\":{i},\"pad\":\"{pad}\"}}"), instance, ct);
                }
            },
            ct)));

        // Measured while the database is open: closing its last connection checkpoints and deletes the WAL anyway.
        var database = new FileInfo(db.SqliteFile!).Length;
        var wal = new FileInfo(db.SqliteFile + "-wal").Length;
        database.ShouldBeGreaterThan(24_000_000L, "the checkpoints copied the written pages into the database file");

        // A WAL that never started over holds every page ever written: more than the database file itself.
        wal.ShouldBeLessThan(database / 2, $"WAL {wal:N0} bytes beside a database of {database:N0} bytes");
        await using var read = db.CreateContext();
        read.WebhookInbox.Count(x => x.TenantId == tenant).ShouldBe(Deliveries);
    }

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
