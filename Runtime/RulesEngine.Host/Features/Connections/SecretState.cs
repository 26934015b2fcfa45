namespace RulesEngine.Host.Features.Connections;

/// <summary>Whether a secret is stored; its value is write-only.</summary>
public sealed record SecretState(bool HasValue);
