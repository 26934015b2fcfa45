namespace RulesEngine.Persistence.Tenants;

public interface ITenantStore
{
    /// <summary>Creates a tenant; returns null when the id is taken. Throws <see cref="ArgumentException"/> for an id that is not a slug.</summary>
    Task<Tenant?> CreateAsync(string id, string name, CancellationToken cancellationToken = default);

    Task<Tenant?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the tenant and every row it owns. Returns false when there was no such tenant.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}
