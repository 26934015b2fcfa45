namespace RulesEngine.Host.Features.Connections;

/// <summary>A connection as the API shows it: settings in full, secrets only as whether they are set.</summary>
public sealed record ConnectionModel(
    string Name,
    string Kind,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyDictionary<string, SecretState> Secrets,
    DateTimeOffset UpdatedAt);
