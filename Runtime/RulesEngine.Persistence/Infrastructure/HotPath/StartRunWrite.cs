using RulesEngine.Persistence.Inbox;
using RulesEngine.Persistence.Instances;

namespace RulesEngine.Persistence.Infrastructure.HotPath;

/// <summary>
/// A delivery's inbox row and the instance it starts, both or neither. Alone, a duplicate delivery fails on the unique
/// dedup index; folded into a PostgreSQL batch it is skipped and reported as not added (false).
/// </summary>
internal sealed class StartRunWrite(WebhookInboxItem inbox, WorkflowInstance instance) : HotPathWrite<bool>
{
    public WebhookInboxItem Inbox { get; } = inbox;

    public WorkflowInstance Instance { get; } = instance;

    public override async Task<bool> RunAsync(HotPathSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Statements.InsertAsync(session, session.Statements.Inbox, [Inbox], cancellationToken).ConfigureAwait(false);
        await session.Statements.InsertAsync(session, session.Statements.Instances, [Instance], cancellationToken).ConfigureAwait(false);
        return true;
    }
}
