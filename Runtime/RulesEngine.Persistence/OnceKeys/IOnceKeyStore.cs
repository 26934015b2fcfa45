namespace RulesEngine.Persistence.OnceKeys;

/// <summary>Backs the "pass once per key" activity.</summary>
public interface IOnceKeyStore
{
    /// <summary>True only for the first caller with this (tenant, scope, key), even under concurrency (unique index).</summary>
    Task<bool> TryAddAsync(string tenantId, string scope, string key, CancellationToken cancellationToken = default);

    Task<bool> ContainsAsync(string tenantId, string scope, string key, CancellationToken cancellationToken = default);

    /// <summary>Forgets one key (null: every key of the scope), so that it passes again.</summary>
    Task<int> RemoveAsync(string tenantId, string scope, string? key = null, CancellationToken cancellationToken = default);
}
