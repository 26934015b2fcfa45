using RulesEngine.Core.Sdk;

namespace RulesEngine.Core.Execution;

/// <summary>
/// The bookmarks <c>Elsa.Event</c> creates: name <see cref="BookmarkName"/>, key = event name, correlation id of the
/// instance when it waited. A host delivering an event resumes, per instance, the bookmarks <see cref="Find"/> returns.
/// </summary>
public static class EventBookmarks
{
    public const string BookmarkName = "Elsa.Event";

    /// <summary>The request an activity makes to wait for an event.</summary>
    public static BookmarkRequest Create(string eventName, string? correlationId = null) =>
        new(BookmarkName) { Key = eventName, CorrelationId = correlationId };

    /// <summary>True when the bookmark waits for the event; a null correlation id matches any instance.</summary>
    public static bool Matches(BookmarkState bookmark, string eventName, string? correlationId) =>
        bookmark.Name == BookmarkName
        && string.Equals(bookmark.Key, eventName, StringComparison.Ordinal)
        && (correlationId is null || string.Equals(bookmark.CorrelationId, correlationId, StringComparison.Ordinal));

    /// <summary>The bookmarks of an instance waiting for the event (with that correlation id, when given).</summary>
    public static IReadOnlyList<BookmarkState> Find(WorkflowState state, string eventName, string? correlationId = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Bookmarks.Where(b => Matches(b, eventName, correlationId)).ToList();
    }

    /// <summary>Resumes every matching bookmark of the instance with the payload, one after the other.</summary>
    public static async Task<RunResult> ResumeAsync(WorkflowRunner runner, WorkflowBlueprint blueprint, WorkflowState state, string eventName, string? correlationId, System.Text.Json.Nodes.JsonNode? payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var result = new RunResult(state);
        foreach (var bookmark in Find(state, eventName, correlationId))
        {
            if (state.Status != WorkflowStatus.Suspended || !state.Bookmarks.Any(b => b.Id == bookmark.Id))
            {
                break;
            }

            result = await runner.ResumeAsync(blueprint, state, bookmark.Id, payload?.DeepClone(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
