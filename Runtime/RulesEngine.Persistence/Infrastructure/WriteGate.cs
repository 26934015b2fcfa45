using Microsoft.Extensions.Options;

namespace RulesEngine.Persistence.Infrastructure;

/// <summary>
/// SQLite takes one writer at a time; concurrent writers that find the file locked sleep in SQLite's busy handler with
/// growing back-off (up to 100 ms a try), which under load gives second-long tails. The hot-path writers (a webhook's
/// inbox row and instance, run checkpoints) queue here instead, in order, and each finds the lock free. Other providers
/// lock rows, not the database: no gate.
/// </summary>
internal sealed class WriteGate(IOptions<DatabaseOptions> options)
{
    private readonly SemaphoreSlim? _sqlite = options.Value.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        if (_sqlite is not null)
        {
            await _sqlite.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new Releaser(_sqlite);
    }

    internal readonly struct Releaser(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
