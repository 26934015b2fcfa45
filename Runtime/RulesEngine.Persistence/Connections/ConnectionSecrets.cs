namespace RulesEngine.Persistence.Connections;

/// <summary>
/// A connection with its secrets decrypted, for the runtime only (outbound calls). A class rather than a record
/// so that nothing prints the secrets by accident: ToString names the connection only.
/// </summary>
public sealed class ConnectionSecrets(
    string tenantId,
    string name,
    string kind,
    IReadOnlyDictionary<string, string> settings,
    IReadOnlyDictionary<string, string> secrets)
{
    public string TenantId { get; } = tenantId;

    public string Name { get; } = name;

    public string Kind { get; } = kind;

    public IReadOnlyDictionary<string, string> Settings { get; } = settings;

    public IReadOnlyDictionary<string, string> Secrets { get; } = secrets;

    public override string ToString() => $"{TenantId}/{Name} ({Kind})";
}
