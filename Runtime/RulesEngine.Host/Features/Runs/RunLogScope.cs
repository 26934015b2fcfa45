using System.Collections;

namespace RulesEngine.Host.Features.Runs;

/// <summary>The logging scope of a run: every log line written while it runs carries tenant, workflow, version and instance ids.</summary>
internal sealed class RunLogScope(string tenantId, string workflowId, int version, string instanceId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 4;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("TenantId", tenantId),
        1 => new("WorkflowId", workflowId),
        2 => new("WorkflowVersion", version),
        3 => new("InstanceId", instanceId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"tenant {tenantId}, workflow {workflowId} v{version}, instance {instanceId}";
}
