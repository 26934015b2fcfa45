namespace RulesEngine.Persistence.OnceKeys;

/// <summary>Remembers that a key passed a "once per key" gate.</summary>
public sealed class OnceKey
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string Scope { get; set; }

    public required string Key { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
