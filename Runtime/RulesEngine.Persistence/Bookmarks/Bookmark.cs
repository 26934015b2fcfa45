namespace RulesEngine.Persistence.Bookmarks;

/// <summary>A point where a suspended instance waits for a stimulus (callback, event, timer).</summary>
public sealed class Bookmark
{
    public required string Id { get; set; }

    public required string TenantId { get; set; }

    public required string InstanceId { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>The kind of stimulus, usually the activity type (for example <c>Elsa.Delay</c>).</summary>
    public required string Name { get; set; }

    /// <summary>Hash of the matching payload (see <see cref="PayloadHash"/>), so that lookups hit an index.</summary>
    public string? Hash { get; set; }

    public string? PayloadJson { get; set; }

    /// <summary>For timers: when the instance should resume.</summary>
    public DateTimeOffset? ResumeAt { get; set; }

    public string? CorrelationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
