namespace RulesEngine.Persistence.Connections;

/// <summary>Connections as the API sees them: secrets are written but never read back.</summary>
public interface IConnectionStore
{
    /// <summary>Creates or updates the connection <paramref name="name"/>; secrets are encrypted before they are stored.</summary>
    Task<ConnectionInfo> UpsertAsync(string tenantId, string name, ConnectionUpdate update, CancellationToken cancellationToken = default);

    Task<ConnectionInfo?> GetAsync(string tenantId, string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConnectionInfo>> ListAsync(string tenantId, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string tenantId, string name, CancellationToken cancellationToken = default);
}
