using System.Collections.Concurrent;

namespace RulesEngine.Persistence.Infrastructure;

/// <summary>
/// A short-lived per-tenant cache of rows that every run reads (published versions, trigger routes, mapping tables,
/// connections). The store that owns it invalidates the tenant on each of its own writes, so this node sees its
/// changes at once; other nodes of a cluster see them after at most the time to live. Misses (null) are not cached.
/// </summary>
internal sealed class ReadCache<TValue>(TimeProvider time, TimeSpan timeToLive)
    where TValue : class
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<(string Tenant, string Key), Entry> _entries = new();
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async ValueTask<TValue?> GetOrLoadAsync(string tenantId, string key, Func<CancellationToken, Task<TValue?>> load, CancellationToken cancellationToken)
    {
        if (timeToLive <= TimeSpan.Zero)
        {
            return await load(cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetTimestamp();
        if (_entries.TryGetValue((tenantId, key), out var entry) && now < entry.ExpiresAt)
        {
            return entry.Value;
        }

        var generation = _generations.GetValueOrDefault(tenantId);
        var value = await load(cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            return null;
        }

        lock (_gate)
        {
            // A write of this tenant while we read: what we read may be older than the write, so it is not kept.
            if (_generations.GetValueOrDefault(tenantId) == generation)
            {
                if (_entries.Count >= Capacity)
                {
                    _entries.Clear();
                }

                _entries[(tenantId, key)] = new Entry(value, now + (long)(timeToLive.TotalSeconds * time.TimestampFrequency));
            }
        }

        return value;
    }

    public void Invalidate(string tenantId)
    {
        lock (_gate)
        {
            _generations.AddOrUpdate(tenantId, 1, (_, g) => g + 1);
            foreach (var key in _entries.Keys)
            {
                if (key.Tenant == tenantId)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed record Entry(TValue Value, long ExpiresAt);
}
