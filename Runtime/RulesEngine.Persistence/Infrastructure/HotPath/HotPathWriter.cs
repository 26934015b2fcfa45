using System.Data.Common;
using System.Threading.Channels;
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
/// PostgreSQL and SQL Server lock rows, not the database: each write takes a pooled connection of its own.
/// </summary>
internal sealed class HotPathWriter : IAsyncDisposable, IDisposable
{
    /// <summary>Writes committed together at most; a batch's commit is one fsync at most (WAL, synchronous=NORMAL: none).</summary>
    private const int MaxBatch = 128;

    private readonly DbProviderFactory _provider;
    private readonly string _connectionString;
    private readonly DatabaseOptions _options;
    private readonly HotPathStatements _statements;
    private readonly Channel<WriteJob>? _queue;
    private readonly Task? _loop;
    private HotPathSession? _sqliteSession;

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
            _queue = Channel.CreateUnbounded<WriteJob>(new UnboundedChannelOptions { SingleReader = true });
            _loop = Task.Run(WriteLoopAsync);
        }
    }

    public HotPathStatements Statements => _statements;

    /// <summary>Runs <paramref name="work"/> in a transaction and returns its result once that transaction is committed.</summary>
    public async Task<T> WriteAsync<T>(Func<HotPathSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_queue is not null)
        {
            var job = new WriteJob<T>(work, cancellationToken);
            if (!_queue.Writer.TryWrite(job))
            {
                throw new ObjectDisposedException(nameof(HotPathWriter));
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

    private async Task WriteLoopAsync()
    {
        var batch = new List<WriteJob>(MaxBatch);
        while (await _queue!.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var job))
            {
                batch.Add(job);
            }

            await WriteBatchAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<WriteJob> batch)
    {
        try
        {
            var session = await SqliteSessionAsync().ConfigureAwait(false);
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
                    job.Fail(failure);
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
        }
#pragma warning disable CA1031 // Nothing of the batch was committed: every caller gets the error, and the next batch starts on a new connection.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            foreach (var job in batch)
            {
                job.Fail(failure);
            }

            if (_sqliteSession is { } broken)
            {
                _sqliteSession = null;
                await broken.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<HotPathSession> SqliteSessionAsync()
    {
        if (_sqliteSession is not null)
        {
            return _sqliteSession;
        }

        var connection = _provider.CreateConnection()!;
        connection.ConnectionString = _connectionString;
        await connection.OpenAsync().ConfigureAwait(false);
        var session = new HotPathSession(connection, _statements);
        if (!string.IsNullOrEmpty(_options.SqliteSynchronous))
        {
            await session.ExecuteAsync($"PRAGMA synchronous={_options.SqliteSynchronous.ToUpperInvariant()};", CancellationToken.None).ConfigureAwait(false);
        }

        _sqliteSession = session;
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        if (_queue is not null)
        {
            _queue.Writer.TryComplete();
            await _loop!.ConfigureAwait(false);
        }

        if (_sqliteSession is { } session)
        {
            _sqliteSession = null;
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A container disposed synchronously (some test hosts) still drains the queue and closes the connection.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private abstract class WriteJob(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        public abstract Task RunAsync(HotPathSession session);

        public abstract void Complete();

        public abstract void Fail(Exception failure);

        public abstract void Cancel();
    }

    private sealed class WriteJob<T>(Func<HotPathSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken) : WriteJob(cancellationToken)
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;
        private bool _ran;

        public Task<T> Result => _done.Task;

        public override async Task RunAsync(HotPathSession session)
        {
            _value = await work(session, CancellationToken.None).ConfigureAwait(false);
            _ran = true;
        }

        // Only a write that ran and was not undone is answered with its value, and only after the commit.
        public override void Complete()
        {
            if (_ran)
            {
                _done.TrySetResult(_value!);
            }
        }

        public override void Fail(Exception failure)
        {
            _ran = false;
            _done.TrySetException(failure);
        }

        public override void Cancel() => _done.TrySetCanceled(CancellationToken);
    }
}
