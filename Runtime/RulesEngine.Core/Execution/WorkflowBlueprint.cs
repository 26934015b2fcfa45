using RulesEngine.Core.Expressions.CSharp;
using RulesEngine.Core.Model;
using RulesEngine.Core.Validation;

namespace RulesEngine.Core.Execution;

/// <summary>
/// A workflow version loaded for execution: activity instances with their inputs bound, flowchart graphs prepared,
/// C# compiled, and every problem found on the way. Immutable and shared by all runs of that version.
/// </summary>
public sealed class WorkflowBlueprint
{
    internal WorkflowBlueprint(WorkflowDefinition definition, BlueprintNode root, IReadOnlyDictionary<string, BlueprintNode> nodes, IReadOnlyList<WorkflowProblem> problems, CompiledScripts? scripts)
    {
        Definition = definition;
        Root = root;
        Nodes = nodes;
        Problems = problems;
        Scripts = scripts;
        VariablesByName = definition.Variables.GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        VariablesById = definition.Variables.GroupBy(v => v.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        VariableTypes = definition.Variables.GroupBy(v => v.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => TypeNames.Resolve(g.First().TypeName, g.First().IsArray), StringComparer.Ordinal);
        ByName = nodes.Values.Where(n => !string.IsNullOrEmpty(n.Node.Name)).GroupBy(n => n.Node.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public WorkflowDefinition Definition { get; }

    public BlueprintNode Root { get; }

    public IReadOnlyDictionary<string, BlueprintNode> Nodes { get; }

    public IReadOnlyList<WorkflowProblem> Problems { get; }

    /// <summary>True when nothing blocks running it (no error-level problems).</summary>
    public bool IsRunnable => !Problems.Any(p => p.IsError);

    internal CompiledScripts? Scripts { get; }

    internal IReadOnlyDictionary<string, VariableDefinition> VariablesByName { get; }

    internal IReadOnlyDictionary<string, VariableDefinition> VariablesById { get; }

    internal IReadOnlyDictionary<string, Type> VariableTypes { get; }

    internal IReadOnlyDictionary<string, BlueprintNode> ByName { get; }

    /// <summary>Finds an activity by id, else by name.</summary>
    public BlueprintNode? Find(string idOrName) =>
        Nodes.TryGetValue(idOrName, out var n) ? n : ByName.TryGetValue(idOrName, out n) ? n : null;

    /// <summary>Trigger activities of the workflow (the runtime indexes them on publish).</summary>
    public IEnumerable<BlueprintNode> Triggers => Nodes.Values.Where(n => n.Descriptor?.IsTrigger == true);
}
