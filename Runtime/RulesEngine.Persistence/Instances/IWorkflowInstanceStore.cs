namespace RulesEngine.Persistence.Instances;

/// <summary>
/// Workflow instances. A node runs an instance only while it holds its lease (owner + expiry); writes of state
/// check the lease, so that after a takeover the old node's late writes are rejected instead of overwriting.
/// </summary>
public interface IWorkflowInstanceStore
{
    /// <summary>
    /// Inserts the instance. An empty <see cref="WorkflowInstance.Id"/> gets a new time-ordered id; CreatedAt and UpdatedAt
    /// are set from the clock. Set LeaseOwner/LeaseExpiresAt to create it already leased by the creating node.
    /// </summary>
    Task<WorkflowInstance> CreateAsync(WorkflowInstance instance, CancellationToken cancellationToken = default);

    Task<WorkflowInstance?> GetAsync(string tenantId, string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Takes (or renews) the lease when it is free, expired or already <paramref name="owner"/>'s.</summary>
    Task<bool> TryAcquireLeaseAsync(string tenantId, string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    Task<bool> ReleaseLeaseAsync(string tenantId, string instanceId, string owner, CancellationToken cancellationToken = default);

    /// <summary>Writes the state; returns false (and writes nothing) unless <paramref name="leaseOwner"/> holds an unexpired lease.</summary>
    Task<bool> UpdateAsync(string tenantId, string instanceId, string leaseOwner, WorkflowInstanceUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes state, journal entries and bookmarks in one transaction, and optionally releases the lease; returns false
    /// (and writes nothing) unless <paramref name="leaseOwner"/> holds an unexpired lease.
    /// </summary>
    Task<bool> SaveProgressAsync(string tenantId, string instanceId, string leaseOwner, InstanceProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's instances newest first, without state (served by the (tenant, definition, status, created) indexes).</summary>
    /// <summary>The newest instance of each workflow of the tenant (two queries, whatever the number of workflows).</summary>
    Task<IReadOnlyDictionary<string, WorkflowInstanceSummary>> LatestByDefinitionAsync(string tenantId, CancellationToken cancellationToken = default);

    Task<InstancePage> ListAsync(string tenantId, InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Platform-wide: running instances whose lease has expired (or was never taken), for recovery after a crash.</summary>
    Task<IReadOnlyList<InstanceRef>> ListRecoverableAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Deletes the instance with its bookmarks and journal.</summary>
    Task<bool> DeleteAsync(string tenantId, string instanceId, CancellationToken cancellationToken = default);
}
