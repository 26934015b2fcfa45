namespace RulesEngine.Core.Execution;

/// <summary>One activity run: when, how long, with which outcomes, inputs, outputs and error.</summary>
public sealed class JournalEntry
{
    public long Sequence { get; init; }

    public required string ActivityId { get; init; }

    public required string ActivityType { get; init; }

    public string? ActivityName { get; init; }

    /// <summary>Completed, Suspended or Faulted.</summary>
    public string Status { get; set; } = "Completed";

    public List<string> Outcomes { get; set; } = [];

    public DateTimeOffset StartedAt { get; init; }

    public double DurationMs { get; set; }

    public string? Error { get; set; }

    public Dictionary<string, object?>? Inputs { get; set; }

    public Dictionary<string, object?>? Outputs { get; set; }
}
