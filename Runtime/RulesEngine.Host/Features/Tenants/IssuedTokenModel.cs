namespace RulesEngine.Host.Features.Tenants;

/// <summary>A freshly issued token: <see cref="Token"/> is shown this once; the server keeps only its hash.</summary>
public sealed record IssuedTokenModel(string Token, string Id, string Name);
