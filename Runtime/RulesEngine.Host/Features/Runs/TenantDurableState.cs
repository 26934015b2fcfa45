using RulesEngine.Activities.State;
using RulesEngine.Persistence.OnceKeys;
using RulesEngine.Persistence.Snapshots;

namespace RulesEngine.Host.Features.Runs;

/// <summary>Once keys and change snapshots in the database, per tenant (unique index: race-safe across hosts).</summary>
internal sealed class TenantDurableState(IOnceKeyStore once, ISnapshotStore snapshots) : IDurableState
{
    public async ValueTask<bool> TryAddOnceAsync(string tenantId, string scope, string key, CancellationToken cancellationToken) =>
        await once.TryAddAsync(tenantId, scope, key, cancellationToken).ConfigureAwait(false);

    public async ValueTask<string?> GetSnapshotAsync(string tenantId, string scope, CancellationToken cancellationToken) =>
        await snapshots.GetAsync(tenantId, scope, cancellationToken).ConfigureAwait(false);

    public async ValueTask SetSnapshotAsync(string tenantId, string scope, string json, CancellationToken cancellationToken) =>
        await snapshots.SetAsync(tenantId, scope, json, cancellationToken).ConfigureAwait(false);
}
