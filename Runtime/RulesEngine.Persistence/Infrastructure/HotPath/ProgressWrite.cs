using RulesEngine.Persistence.Bookmarks;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Journal;

namespace RulesEngine.Persistence.Infrastructure.HotPath;

/// <summary>
/// A run's progress on an instance this node leases: state, journal entries, bookmarks, lease release. It writes
/// nothing and returns false when the lease was lost.
/// </summary>
internal sealed class ProgressWrite : HotPathWrite<bool>
{
    public required string TenantId { get; init; }

    public required string InstanceId { get; init; }

    public required string LeaseOwner { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required WorkflowInstanceUpdate Update { get; init; }

    public bool ReleaseLease { get; init; }

    public bool ReplaceBookmarks { get; init; }

    public IReadOnlyList<Bookmark> Bookmarks { get; init; } = [];

    public IReadOnlyList<JournalEntry> Journal { get; init; } = [];

    public override async Task<bool> RunAsync(HotPathSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var statements = session.Statements;
        var updated = await statements.UpdateProgressAsync(session, TenantId, InstanceId, LeaseOwner, Now, Update, ReleaseLease, cancellationToken).ConfigureAwait(false);
        if (updated != 1)
        {
            return false;
        }

        if (ReplaceBookmarks)
        {
            await statements.DeleteBookmarksAsync(session, TenantId, InstanceId, cancellationToken).ConfigureAwait(false);
            if (Bookmarks.Count > 0)
            {
                await statements.InsertAsync(session, statements.Bookmarks, Bookmarks, cancellationToken).ConfigureAwait(false);
            }
        }

        if (Journal.Count > 0)
        {
            await statements.InsertAsync(session, statements.Journal, Journal, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
