using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Journal;

namespace RulesEngine.Persistence.Tests;

/// <summary>Test data: unique ids, small workflow JSON documents, and the rows of a webhook run.</summary>
internal static class Some
{
    public static string TenantId() => "t-" + Guid.NewGuid().ToString("N")[..10];

    public static string DefinitionId() => "wf-" + Guid.NewGuid().ToString("N")[..10];

    public static string WorkflowJson(string marker) =>
        $$$"""{"definitionId":"x","name":"{{{marker}}}","root":{"id":"root","type":"Elsa.Flowchart","activities":[],"connections":[]}}""";

    /// <summary>An instance as a webhook starts it: running, leased by node-a for five minutes.</summary>
    public static WorkflowInstance RunningInstance(string tenant, string id, DateTimeOffset now) => new()
    {
        Id = id,
        TenantId = tenant,
        DefinitionId = "wf",
        Version = 1,
        Status = WorkflowStatus.Running,
        LeaseOwner = "node-a",
        LeaseExpiresAt = now.AddMinutes(5),
        TriggerKind = "http",
    };

    public static JournalEntry JournalEntry(string tenant, string instance, int sequence) => new()
    {
        TenantId = tenant,
        InstanceId = instance,
        DefinitionId = "wf",
        Sequence = sequence,
        ActivityId = $"a{sequence}",
        ActivityType = "Elsa.WriteLine",
        Outcomes = "Done",
        StartedAt = DateTimeOffset.UnixEpoch.AddSeconds(sequence),
        DurationMs = 1,
    };
}
