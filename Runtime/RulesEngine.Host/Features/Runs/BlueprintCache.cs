using System.Collections.Concurrent;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Serialization;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.Runs;

/// <summary>
/// Loaded (and compiled) workflow versions, keyed by tenant, definition, version and concurrency stamp, so a version
/// is parsed and compiled once however many instances run it, and an edited draft never reuses a stale blueprint.
/// </summary>
internal sealed class BlueprintCache(WorkflowJsonReader reader, WorkflowLoader loader)
{
    private const int Capacity = 512;
    private readonly ConcurrentDictionary<string, Lazy<WorkflowBlueprint>> _cache = new(StringComparer.Ordinal);

    public WorkflowBlueprint Get(string tenantId, WorkflowVersion version)
    {
        var key = $"{tenantId}/{version.DefinitionId}/{version.Version}/{version.ConcurrencyStamp}";
        if (_cache.Count > Capacity)
        {
            _cache.Clear();
        }

        return _cache.GetOrAdd(key, _ => new Lazy<WorkflowBlueprint>(() => Load(tenantId, version))).Value;
    }

    private WorkflowBlueprint Load(string tenantId, WorkflowVersion version)
    {
        var definition = reader.Read(version.Json, $"{version.DefinitionId} v{version.Version}");
        definition.TenantId = tenantId;
        definition.DefinitionId = version.DefinitionId;
        definition.Version = version.Version;
        return loader.Load(definition);
    }
}
