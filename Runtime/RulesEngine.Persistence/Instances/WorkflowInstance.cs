namespace RulesEngine.Persistence.Instances;

/// <summary>One run of a workflow version, with its serialized execution state.</summary>
public sealed class WorkflowInstance
{
    public required string Id { get; set; }

    public required string TenantId { get; set; }

    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public WorkflowStatus Status { get; set; }

    public string? SubStatus { get; set; }

    public string? CorrelationId { get; set; }

    public string? Name { get; set; }

    public string? StateJson { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The node that currently runs the instance; another node may take over after <see cref="LeaseExpiresAt"/>.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>For example <c>cron</c>, <c>http</c>, <c>smartrecruiters</c>, <c>manual</c>.</summary>
    public string? TriggerKind { get; set; }
}
