namespace RulesEngine.Persistence.Audit;

public sealed class AuditEntry
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public string? Target { get; set; }

    public string? DetailsJson { get; set; }

    public DateTimeOffset At { get; set; }
}
