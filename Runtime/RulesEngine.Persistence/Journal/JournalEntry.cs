namespace RulesEngine.Persistence.Journal;

/// <summary>The record of one activity execution.</summary>
public sealed class JournalEntry
{
    /// <summary>Database-generated and increasing, so that retention can keep the newest rows by id.</summary>
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string InstanceId { get; set; }

    public required string DefinitionId { get; set; }

    public int Sequence { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityType { get; set; }

    public string? ActivityName { get; set; }

    /// <summary>The outcomes as a JSON array of strings, for example <c>["Done"]</c>.</summary>
    public string? Outcomes { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public long? DurationMs { get; set; }

    public string? Error { get; set; }

    public string? InputsJson { get; set; }

    public string? OutputsJson { get; set; }
}
