using System.Data.Common;

namespace RulesEngine.Persistence.Infrastructure.HotPath;

/// <summary>
/// Keeps SQLite's WAL checkpoints off the hot-path writer's commits.
/// SQLite's own checkpoint runs inside the commit that crosses 1,000 WAL pages: it copies them into the database file
/// and syncs it while every write queued behind that commit waits, and it was measured as most of the webhook latency
/// tail. Here a thread of its own copies pages with PASSIVE checkpoints on a second connection, beside the writer.
/// Such checkpoints never reach the end of a WAL that keeps growing, and SQLite only starts the WAL over when a write
/// begins on a fully copied WAL; so once the WAL is long and nearly all copied, the writer is asked to copy the rest
/// itself between two batches (<see cref="FinishIfRequested"/>), which is short and lets its next batch start the WAL
/// over.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>WAL length (pages) at which the writer finishes a checkpoint so the WAL starts over: SQLite's own default.</summary>
    internal const int RestartPages = 1000;

    /// <summary>Pages left to copy at most when the writer is asked to finish; more and this thread copies again first.</summary>
    internal const int FinishPages = 128;

    /// <summary>
    /// Commits after which the writer finishes a checkpoint even unasked: a guard, should this thread fall behind or
    /// keep failing, against a WAL that would otherwise grow without end (the writer's own checkpoints are off).
    /// </summary>
    internal const int CommitsBeforeForcedFinish = 5000;

    /// <summary>Pause between two checkpoints that had little to copy, so an idle or lightly loaded host does not spin.</summary>
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(20);

    private readonly DbConnection _connection;
    private readonly Thread _loop;
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly ManualResetEventSlim _written = new(false);
    private volatile bool _finishRequested;
    private int _commitsSinceFinish;

    public SqliteCheckpointer(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _loop = new Thread(CheckpointLoop) { IsBackground = true, Name = "RulesEngine SQLite checkpointer" };
        _loop.Start();
    }

    /// <summary>Disables SQLite's checkpoints in the commits of the writer's connection: this class takes them over.</summary>
    public static void TakeOverCheckpoints(DbConnection writerConnection) => Execute(writerConnection, "PRAGMA wal_autocheckpoint=0;");

    /// <summary>The writer committed: there may be pages to copy.</summary>
    public void Written()
    {
        _commitsSinceFinish++; // the writer's thread only
        _written.Set();
    }

    /// <summary>
    /// On the writer's thread between two batches: copies what is left of a long WAL when this thread asked for it, so
    /// the writer's next batch starts the WAL over.
    /// </summary>
    public void FinishIfRequested(DbConnection writerConnection)
    {
        if (!_finishRequested && _commitsSinceFinish < CommitsBeforeForcedFinish)
        {
            return;
        }

        _finishRequested = false;
        _commitsSinceFinish = 0;
        Checkpoint(writerConnection);
    }

    private void CheckpointLoop()
    {
        while (!_stop.IsSet)
        {
            // Asleep while nothing is written, so an idle host spends nothing here.
            _written.Wait();
            _written.Reset();
            WalState state;
            try
            {
                state = Checkpoint(_connection);
            }
#pragma warning disable CA1031 // A failed checkpoint loses nothing (the pages stay in the WAL); the next one retries.
            catch (Exception)
#pragma warning restore CA1031
            {
                _stop.Wait(IdlePause * 10);
                continue;
            }

            if (state.Busy)
            {
                // The writer is finishing a checkpoint (or another connection checkpoints): try again shortly.
                _stop.Wait(IdlePause);
                _written.Set();
                continue;
            }

            if (state.Pages < 0)
            {
                return; // not in WAL mode: nothing to take over
            }

            var left = state.Pages - state.Copied;
            if (state.Pages >= RestartPages && left <= FinishPages)
            {
                _finishRequested = true;
            }

            if (left <= FinishPages)
            {
                _stop.Wait(IdlePause);
            }
            else
            {
                _written.Set(); // more to copy: go on at once
            }
        }
    }

    private static WalState Checkpoint(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        return reader.Read() ? new WalState(reader.GetInt32(0) != 0, reader.GetInt32(1), reader.GetInt32(2)) : default;
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _stop.Set();
        _written.Set();
        _loop.Join();
        _stop.Dispose();
        _written.Dispose();
        _connection.Dispose();
    }

    /// <summary>
    /// Whether another checkpoint held it off, pages in the WAL and pages of it already copied into the database file
    /// (-1 each when busy or not in WAL mode).
    /// </summary>
    private readonly record struct WalState(bool Busy, int Pages, int Copied);
}
