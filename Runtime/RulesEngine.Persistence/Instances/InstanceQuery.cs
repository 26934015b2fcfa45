namespace RulesEngine.Persistence.Instances;

/// <summary>Filters and paging of <see cref="IWorkflowInstanceStore.ListAsync"/>; results are newest first.</summary>
public sealed record InstanceQuery
{
    public const int MaxPageSize = 500;

    public string? DefinitionId { get; init; }

    public WorkflowStatus? Status { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>Only instances created at or after this moment.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only instances created before this moment.</summary>
    public DateTimeOffset? To { get; init; }

    /// <value>Default 50, at most <see cref="MaxPageSize"/>.</value>
    public int PageSize { get; init; } = 50;

    /// <summary>The <see cref="InstancePage.NextCursor"/> of the previous page (keyset paging: cost does not grow with depth).</summary>
    public string? Cursor { get; init; }

    /// <summary>Whether to count all matching rows (one more query).</summary>
    public bool IncludeTotalCount { get; init; }
}
