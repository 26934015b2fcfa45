namespace RulesEngine.Persistence.Connections;

/// <summary>A connection as the API may show it: secrets are reduced to their names with a mask.</summary>
public sealed record ConnectionInfo(
    string TenantId,
    string Name,
    string Kind,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyDictionary<string, string> Secrets,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The value shown for every secret.</summary>
    public const string Mask = "********";
}
