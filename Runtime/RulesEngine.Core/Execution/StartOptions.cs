using RulesEngine.Core.Expressions;

namespace RulesEngine.Core.Execution;

/// <summary>How to start a run: input values, trigger payload, tenant and ids.</summary>
public sealed class StartOptions
{
    public string? InstanceId { get; init; }

    public string? TenantId { get; init; }

    public string? CorrelationId { get; init; }

    public IReadOnlyDictionary<string, object?>? Input { get; init; }

    public TriggerState? Trigger { get; init; }

    public MappingTables? Mappings { get; init; }
}
