namespace RulesEngine.Persistence.Connections;

/// <summary>
/// Decrypted connection secrets for the runtime's outbound calls. Kept apart from <see cref="IConnectionStore"/>
/// so that API endpoints, which only need the masked view, never depend on it.
/// </summary>
public interface IConnectionSecretsReader
{
    Task<ConnectionSecrets?> GetAsync(string tenantId, string name, CancellationToken cancellationToken = default);
}
