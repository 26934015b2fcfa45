using RulesEngine.Core.Composition;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Model;
using RulesEngine.Core.Serialization;

namespace RulesEngine.Core.Tests.Compatibility;

/// <summary>Child workflows from the Elsa fixture files (plus any added in code), published version or the one asked for.</summary>
public sealed class FixtureWorkflowSource(WorkflowJsonReader reader, WorkflowLoader loader) : IWorkflowDefinitionSource
{
    private readonly List<WorkflowDefinition> _extra = [];

    public List<(string DefinitionId, int? Version)> Requests { get; } = [];

    public void Add(string json) => _extra.Add(reader.Read(json));

    public ValueTask<WorkflowBlueprint?> FindAsync(string tenantId, string definitionId, int? version, CancellationToken cancellationToken)
    {
        Requests.Add((definitionId, version));
        var all = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Elsa"), "*.json")
            .Select(f => reader.Read(File.ReadAllText(f), Path.GetFileName(f))).Concat(_extra)
            .Where(d => d.DefinitionId == definitionId).ToList();
        var chosen = version is { } v ? all.FirstOrDefault(d => d.Version == v) : all.Where(d => d.IsPublished).MaxBy(d => d.Version);
        return ValueTask.FromResult(chosen is null ? null : loader.Load(chosen));
    }
}
