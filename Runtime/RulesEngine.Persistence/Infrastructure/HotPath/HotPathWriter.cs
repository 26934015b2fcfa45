using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace RulesEngine.Persistence.Infrastructure.HotPath;

/// <summary>
/// Runs the writes of webhook runs (inbox row + instance, progress with journal and bookmarks) in plain ADO.NET and
/// returns once they are committed. Writes that queue up meanwhile are committed together (group commit), and nobody
/// is answered before the commit that holds its rows.
/// SQLite takes one writer at a time: one connection writes for the whole process, each write in its own savepoint,
/// so one that fails (a duplicate delivery, a lost lease) is undone alone. Its WAL checkpoints run beside it
/// (<see cref="SqliteCheckpointer"/>), not inside its commits.
/// PostgreSQL: one connection sends each batch folded into at most two statements, in one round trip
/// (<see cref="PostgresWriteBatch"/>); the next batch gathers while it waits. (A second writer connection overlapping
/// two batches measured no faster, and its smaller batches cost more CPU.) Writes that do not fold (bookmark
/// replacement, very long journals), and SQL Server's, take a pooled connection of their own.
/// </summary>
internal sealed class HotPathWriter : IAsyncDisposable, IDisposable
{
    /// <summary>Writes committed together at most; a batch's commit is one fsync at most (WAL, synchronous=NORMAL: none).</summary>
    private const int MaxBatch = 128;

    private readonly DbProviderFactory _provider;
    private readonly string _connectionString;
    private readonly DatabaseOptions _options;
    private readonly HotPathStatements _statements;
    private readonly PostgresWriteBatch? _postgres;
    private readonly Queue<WriteJob>? _queue;
    private bool _closed;
    private readonly Thread? _loop;
    private HotPathSession? _session;
    private SqliteCheckpointer? _checkpointer;

    public HotPathWriter(IDbContextFactory<RulesEngineDbContext> factory, IOptions<DatabaseOptions> options)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        using (var db = factory.CreateDbContext())
        {
            _provider = DbProviderFactories.GetFactory(db.Database.GetDbConnection())
                ?? throw new InvalidOperationException("The database provider has no ADO.NET factory.");
            var sql = db.GetService<ISqlGenerationHelper>();
            _statements = new HotPathStatements(db.Model, sql);
            if (_options.Provider == DatabaseProvider.PostgreSql)
            {
                _postgres = new PostgresWriteBatch(db.Model, sql, _statements);
            }
        }

        _connectionString = DbContextOptionsConfigurator.ResolveRunConnectionString(_options);
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            // Its own thread: SQLite calls block, and a pool thread busy writing is one fewer for the requests (a 2-core
            // machine has 2 to start with), which showed as 15-20 ms stalls in the latency tail.
            _queue = new Queue<WriteJob>();
            _loop = new Thread(SqliteLoop) { IsBackground = true, Name = "RulesEngine SQLite writer" };
        }
        else if (_postgres is not null)
        {
            // Its own thread too: a batch's round trip blocks it, and the next batch gathers meanwhile.
            _queue = new Queue<WriteJob>();
            _loop = new Thread(PostgresLoop) { IsBackground = true, Name = "RulesEngine PostgreSQL writer" };
        }

        _loop?.Start();
    }

    /// <summary>Runs <paramref name="write"/> in a transaction and returns its result once that transaction is committed.</summary>
    public async Task<T> WriteAsync<T>(HotPathWrite<T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (_queue is null || (_postgres is not null && !PostgresWriteBatch.CanBatch(write)))
        {
            return await WriteAloneAsync(write, cancellationToken).ConfigureAwait(false);
        }

        var job = new WriteJob<T>(write, cancellationToken);
        lock (_queue)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _queue.Enqueue(job);
            Monitor.Pulse(_queue);
        }

        return await job.Result.ConfigureAwait(false);
    }

    /// <summary>One write in a transaction of its own, on a pooled connection.</summary>
    private async Task<T> WriteAloneAsync<T>(HotPathWrite<T> write, CancellationToken cancellationToken)
    {
        var connection = NewConnection();
        await using var session = new HotPathSession(connection, _statements);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        session.Transaction = transaction;
        var result = await write.RunAsync(session, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>A connection, not yet open, with the runs' connection string (see <see cref="DbContextOptionsConfigurator.ResolveRunConnectionString"/>).</summary>
    private DbConnection NewConnection()
    {
        var connection = _provider.CreateConnection()!;
        connection.ConnectionString = _connectionString;
        return connection;
    }

    /// <summary>Waits for writes and takes the next batch of them; false once the writer is closed and drained.</summary>
    private bool NextBatch(List<WriteJob> batch)
    {
        // A plain monitor wait: Task/Channel waits spin first, and spinning here cost a third of a core under load.
        lock (_queue!)
        {
            while (_queue.Count == 0 && !_closed)
            {
                Monitor.Wait(_queue);
            }

            if (_queue.Count == 0)
            {
                return false;
            }

            while (batch.Count < MaxBatch && _queue.TryDequeue(out var job))
            {
                batch.Add(job);
            }

            return true;
        }
    }

    private void SqliteLoop()
    {
        var batch = new List<WriteJob>(MaxBatch);
        while (NextBatch(batch))
        {
            // Microsoft.Data.Sqlite completes its async calls synchronously: the batch runs on this thread.
            WriteBatchAsync(batch).GetAwaiter().GetResult();
            batch.Clear();
        }
    }

    private void PostgresLoop()
    {
        var batch = new List<WriteJob>(MaxBatch);
        DbConnection? connection = null;
        try
        {
            while (NextBatch(batch))
            {
                WritePostgresBatch(batch, ref connection);
                batch.Clear();
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>
    /// One batch, blocking this thread for its round trip. A statement the server refuses rolls the batch back; its
    /// writes then run again each alone, so that each caller hears its own outcome and the others' rows still land.
    /// </summary>
    private void WritePostgresBatch(List<WriteJob> batch, ref DbConnection? connection)
    {
        batch.RemoveAll(job => job.CancelIfRequested());
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            if (connection is null)
            {
                connection = NewConnection();
                connection.Open();

                // This connection runs the batch's two statements only. One plan each, made once (left to choose,
                // PostgreSQL planned the progress statement anew on every call: 0.35 ms, as much as running it), and
                // made with index lookups, which stay right as the tables grow from empty (a scan does not).
                using var generic = connection.CreateCommand();
                generic.CommandText = "SET plan_cache_mode = force_generic_plan; SET enable_seqscan = off";
                generic.ExecuteNonQuery();
            }

            var results = _postgres!.Execute(connection, batch.ConvertAll(job => job.Write));
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Succeed(results[i]);
            }
        }
        catch (DbException refused) when (refused.SqlState is not null && connection is { State: System.Data.ConnectionState.Open })
        {
            foreach (var job in batch)
            {
                job.WriteAlone(this);
            }
        }
#pragma warning disable CA1031 // Nothing of the batch is known to be committed: every caller gets the error, and the next batch starts on a new connection.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            foreach (var job in batch)
            {
                job.Fail(failure);
            }

            connection?.Dispose();
            connection = null;
        }
    }

    private async Task WriteBatchAsync(List<WriteJob> batch)
    {
        try
        {
            var session = await WriterSessionAsync().ConfigureAwait(false);
            FinishCheckpoint(session);
            await using var transaction = await session.Connection.BeginTransactionAsync().ConfigureAwait(false);
            session.Transaction = transaction;
            foreach (var job in batch)
            {
                if (job.CancelIfRequested())
                {
                    continue;
                }

                await session.ExecuteAsync("SAVEPOINT hot_path;", CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await job.RunAsync(session).ConfigureAwait(false);
                    await session.ExecuteAsync("RELEASE hot_path;", CancellationToken.None).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // The write's own failure goes back to its caller; the batch goes on.
                catch (Exception failure)
#pragma warning restore CA1031
                {
                    job.Undo(failure);
                    await session.ExecuteAsync("ROLLBACK TO hot_path;", CancellationToken.None).ConfigureAwait(false);
                    await session.ExecuteAsync("RELEASE hot_path;", CancellationToken.None).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync().ConfigureAwait(false);
            session.Transaction = null;
            foreach (var job in batch)
            {
                job.Complete();
            }

            _checkpointer!.Written();
        }
#pragma warning disable CA1031 // Nothing of the batch was committed: every caller gets the error, and the next batch starts on a new connection.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            foreach (var job in batch)
            {
                job.Fail(failure);
            }

            if (_session is { } broken)
            {
                _session = null;
                await broken.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<HotPathSession> WriterSessionAsync()
    {
        if (_session is not null)
        {
            return _session;
        }

        var connection = await OpenSqliteAsync().ConfigureAwait(false);
        try
        {
            // Checkpoints are taken off this connection's commits (see SqliteCheckpointer), onto a connection of their own.
            SqliteCheckpointer.TakeOverCheckpoints(connection);
            _checkpointer ??= new SqliteCheckpointer(await OpenSqliteAsync().ConfigureAwait(false));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _session = new HotPathSession(connection, _statements);
        return _session;
    }

    /// <summary>A connection of the SQLite writer, with our pragmas (checkpoints sync by its sync mode too).</summary>
    private async Task<DbConnection> OpenSqliteAsync()
    {
        var connection = NewConnection();
        await connection.OpenAsync().ConfigureAwait(false);
        SqlitePragmaInterceptor.Apply(connection, _options.SqliteSynchronous);

        return connection;
    }

    /// <summary>Copies the rest of a long WAL when the checkpointer asks; a failure here is the next checkpoint's to retry.</summary>
    private void FinishCheckpoint(HotPathSession session)
    {
        try
        {
            _checkpointer!.FinishIfRequested(session.Connection);
        }
#pragma warning disable CA1031 // The pages stay in the WAL; the batch must not fail for them.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_queue is not null)
        {
            lock (_queue)
            {
                _closed = true;
                Monitor.Pulse(_queue);
            }

            _loop!.Join();
        }

        _checkpointer?.Dispose();
        _checkpointer = null;
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A container disposed synchronously (some test hosts) still drains the queue and closes the connection.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private abstract class WriteJob(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        public abstract object Write { get; }

        public abstract Task RunAsync(HotPathSession session);

        /// <summary>This write was undone (its savepoint rolled back); its caller hears so after the batch's commit.</summary>
        public abstract void Undo(Exception failure);

        /// <summary>The batch committed: answer the caller with its value, or with why its write was undone.</summary>
        public abstract void Complete();

        /// <summary>The PostgreSQL batch committed with this write's result.</summary>
        public abstract void Succeed(bool result);

        /// <summary>Writes it again in a transaction of its own, off the writer's thread, and answers the caller then.</summary>
        public abstract void WriteAlone(HotPathWriter writer);

        /// <summary>Nothing of the batch was committed.</summary>
        public abstract void Fail(Exception failure);

        public abstract void Cancel();

        /// <summary>Answers a caller that gave up before its write began; true when it did.</summary>
        public bool CancelIfRequested()
        {
            if (!CancellationToken.IsCancellationRequested)
            {
                return false;
            }

            Cancel();
            return true;
        }
    }

    private sealed class WriteJob<T>(HotPathWrite<T> write, CancellationToken cancellationToken) : WriteJob(cancellationToken)
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;
        private Exception? _undone;

        public Task<T> Result => _done.Task;

        public override object Write => write;

        public override async Task RunAsync(HotPathSession session) =>
            _value = await write.RunAsync(session, CancellationToken.None).ConfigureAwait(false);

        public override void Undo(Exception failure) => _undone = failure;

        // Both answers wait for the commit: a duplicate delivery undone here looks up the row that beat it, which is
        // only visible to other connections once the batch that holds it is committed.
        public override void Complete()
        {
            if (_undone is not null)
            {
                _done.TrySetException(_undone);
            }
            else
            {
                _done.TrySetResult(_value!);
            }
        }

        // Only boolean writes are batched on PostgreSQL (PostgresWriteBatch.CanBatch).
        public override void Succeed(bool result) => _done.TrySetResult((T)(object)result);

        public override void WriteAlone(HotPathWriter writer) => _ = Task.Run(async () =>
        {
            try
            {
                _done.TrySetResult(await writer.WriteAloneAsync(write, CancellationToken.None).ConfigureAwait(false));
            }
#pragma warning disable CA1031 // The write's own failure goes back to its caller.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                _done.TrySetException(failure);
            }
        });

        public override void Fail(Exception failure) => _done.TrySetException(failure);

        public override void Cancel() => _done.TrySetCanceled(CancellationToken);
    }
}
