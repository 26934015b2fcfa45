namespace RulesEngine.Core.Execution;

/// <summary>
/// One running (or waiting) execution of an activity. Completed contexts are removed, so the state holds only
/// what is still in progress; containers keep their progress in <see cref="Properties"/>.
/// </summary>
public sealed class ContextState
{
    public required string Id { get; init; }

    public required string ActivityId { get; init; }

    public string? ParentId { get; init; }

    /// <summary>The tag the parent gave when it scheduled this child (e.g. the loop index).</summary>
    public string? Tag { get; init; }

    public ContextStatus Status { get; set; }

    /// <summary>Container progress (flowchart tokens, loop index, …): plain JSON-serialisable values.</summary>
    public Dictionary<string, object?>? Properties { get; set; }

    /// <summary>Journal entry of a container's start, completed when the container completes.</summary>
    public long? JournalSequence { get; set; }

    /// <summary>Children of one ParallelForEach run concurrently up to this degree.</summary>
    public string? ParallelGroup { get; init; }
}
