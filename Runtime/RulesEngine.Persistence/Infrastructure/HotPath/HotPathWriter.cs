using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace RulesEngine.Persistence.Infrastructure.HotPath;

/// <summary>
/// Runs the writes of webhook runs (inbox row + instance, checkpoints, end of run) in plain ADO.NET, each in a
/// transaction, and returns once it is committed.
/// SQLite takes one writer at a time, so there one connection writes for the whole process and commits the writes
/// that queued up meanwhile together (group commit): each write runs in its own savepoint, so one that fails (a
/// duplicate delivery, a lost lease) is undone alone, and nobody is answered before the commit that holds its rows.
/// Its WAL checkpoints run beside it (<see cref="SqliteCheckpointer"/>), not inside its commits.
/// PostgreSQL and SQL Server lock rows, not the database: each write takes a pooled connection of its own. (One
/// PostgreSQL writer connection committing batches was tried: its statements' round trips in series made it slower
/// than concurrent connections, whose commits PostgreSQL already flushes together.)
/// </summary>
internal sealed class HotPathWriter : IAsyncDisposable, IDisposable
{
    /// <summary>Writes committed together at most; a batch's commit is one fsync at most (WAL, synchronous=NORMAL: none).</summary>
    private const int MaxBatch = 128;

    private readonly DbProviderFactory _provider;
    private readonly string _connectionString;
    private readonly DatabaseOptions _options;
    private readonly HotPathStatements _statements;
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
            _statements = new HotPathStatements(db.Model, db.GetService<ISqlGenerationHelper>());
        }

        _connectionString = DbContextOptionsConfigurator.ResolveConnectionString(_options);
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            _queue = new Queue<WriteJob>();
            // Its own thread: SQLite calls block, and a pool thread busy writing is one fewer for the requests (a 2-core
            // machine has 2 to start with), which showed as 15-20 ms stalls in the latency tail.
            _loop = new Thread(WriteLoop) { IsBackground = true, Name = "RulesEngine SQLite writer" };
            _loop.Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> in a transaction and returns its result once that transaction is committed.</summary>
    public async Task<T> WriteAsync<T>(Func<HotPathSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_queue is not null)
        {
            var job = new WriteJob<T>(work, cancellationToken);
            lock (_queue)
            {
                ObjectDisposedException.ThrowIf(_closed, this);
                _queue.Enqueue(job);
                Monitor.Pulse(_queue);
            }

            return await job.Result.ConfigureAwait(false);
        }

        var connection = _provider.CreateConnection()!;
        connection.ConnectionString = _connectionString;
        await using var session = new HotPathSession(connection, _statements);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        session.Transaction = transaction;
        var result = await work(session, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private void WriteLoop()
    {
        var batch = new List<WriteJob>(MaxBatch);
        while (true)
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
                    return;
                }

                while (batch.Count < MaxBatch && _queue.TryDequeue(out var job))
                {
                    batch.Add(job);
                }
            }

            // Microsoft.Data.Sqlite completes its async calls synchronously: the batch runs on this thread.
            WriteBatchAsync(batch).GetAwaiter().GetResult();
            batch.Clear();
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
                if (job.CancellationToken.IsCancellationRequested)
                {
                    job.Cancel();
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
        var connection = _provider.CreateConnection()!;
        connection.ConnectionString = _connectionString;
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

        public abstract Task RunAsync(HotPathSession session);

        /// <summary>This write was undone (its savepoint rolled back); its caller hears so after the batch's commit.</summary>
        public abstract void Undo(Exception failure);

        /// <summary>The batch committed: answer the caller with its value, or with why its write was undone.</summary>
        public abstract void Complete();

        /// <summary>Nothing of the batch was committed.</summary>
        public abstract void Fail(Exception failure);

        public abstract void Cancel();
    }

    private sealed class WriteJob<T>(Func<HotPathSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken) : WriteJob(cancellationToken)
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;
        private Exception? _undone;

        public Task<T> Result => _done.Task;

        public override async Task RunAsync(HotPathSession session) =>
            _value = await work(session, CancellationToken.None).ConfigureAwait(false);

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

        public override void Fail(Exception failure) => _done.TrySetException(failure);

        public override void Cancel() => _done.TrySetCanceled(CancellationToken);
    }
}
