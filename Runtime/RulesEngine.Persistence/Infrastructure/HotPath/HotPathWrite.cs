namespace RulesEngine.Persistence.Infrastructure.HotPath;

/// <summary>
/// One write of the webhook hot path. It says what it writes (so the PostgreSQL writer can fold many into a few
/// statements, see <see cref="PostgresWriteBatch"/>) and how to write it alone on an open transaction (every provider).
/// </summary>
internal abstract class HotPathWrite<T>
{
    public abstract Task<T> RunAsync(HotPathSession session, CancellationToken cancellationToken);
}
