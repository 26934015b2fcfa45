using System.ComponentModel.DataAnnotations;

namespace RulesEngine.Host.Features.Retention;

/// <summary>How long run history is kept, so storage does not grow without bound.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "RulesEngine:Retention";

    /// <summary>Journal entries older than this many days are deleted. <value>Default 30.</value></summary>
    [Range(1, 3650)]
    public int JournalDays { get; set; } = 30;

    /// <summary>At most this many journal entries are kept per workflow (the oldest go first). <value>Default 100,000.</value></summary>
    [Range(100, 100_000_000)]
    public int JournalMaxRowsPerWorkflow { get; set; } = 100_000;

    /// <summary>Processed webhook inbox items (and so their dedup keys) older than this many days are deleted. <value>Default 7.</value></summary>
    [Range(1, 365)]
    public int InboxDays { get; set; } = 7;

    /// <summary>How often pruning runs. <value>Default 1 hour.</value></summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
