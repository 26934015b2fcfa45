using System.Text.Json.Nodes;

namespace RulesEngine.Core.Model;

/// <summary>One version of a workflow definition in Elsa 3's shape.</summary>
public sealed class WorkflowDefinition
{
    /// <summary>Id of this version.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Id shared by all versions of the workflow.</summary>
    public string DefinitionId { get; set; } = string.Empty;

    public string? TenantId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public int Version { get; set; } = 1;

    public bool IsLatest { get; set; } = true;

    public bool IsPublished { get; set; }

    public List<VariableDefinition> Variables { get; } = [];

    public List<WorkflowInputDefinition> Inputs { get; } = [];

    public List<WorkflowOutputDefinition> Outputs { get; } = [];

    public JsonObject Options { get; set; } = [];

    public required ActivityNode Root { get; set; }

    /// <summary>Top-level properties we do not model, written back unchanged.</summary>
    public JsonObject Extra { get; set; } = [];

    /// <summary>The root and every activity below it.</summary>
    public IEnumerable<ActivityNode> AllActivities()
    {
        yield return Root;
        foreach (var d in Root.Descendants())
        {
            yield return d;
        }
    }
}
