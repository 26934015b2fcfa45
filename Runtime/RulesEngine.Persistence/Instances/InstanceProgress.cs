using RulesEngine.Persistence.Bookmarks;
using RulesEngine.Persistence.Journal;

namespace RulesEngine.Persistence.Instances;

/// <summary>
/// What a run writes at a checkpoint or at its end, in one transaction: the state, the journal entries since the last
/// save, the bookmarks it waits on, and (at the end) the release of its lease.
/// </summary>
public sealed record InstanceProgress
{
    public required WorkflowInstanceUpdate Update { get; init; }

    public IReadOnlyCollection<JournalEntry> Journal { get; init; } = [];

    /// <summary>Replace the instance's stored bookmarks by <see cref="Bookmarks"/> (false: leave them untouched, for a run that had and has none).</summary>
    public bool ReplaceBookmarks { get; init; }

    public IReadOnlyCollection<Bookmark> Bookmarks { get; init; } = [];

    /// <summary>Release the writer's lease in the same statement (the run ended here).</summary>
    public bool ReleaseLease { get; init; }
}
