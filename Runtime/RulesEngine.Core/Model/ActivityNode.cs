using System.Text.Json.Nodes;

namespace RulesEngine.Core.Model;

/// <summary>
/// One activity of a workflow as read from JSON. Known activity types get typed inputs, outputs and children;
/// an unknown type keeps its whole JSON in <see cref="Raw"/> so that writing the workflow back loses nothing.
/// </summary>
public sealed class ActivityNode
{
    public required string Id { get; set; }

    public string? Name { get; set; }

    public required string Type { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>The type exactly as the file spelled it (e.g. a stale assembly-qualified name), when it differed.</summary>
    public string? OriginalType { get; set; }

    public JsonObject CustomProperties { get; set; } = [];

    public JsonObject Metadata { get; set; } = [];

    /// <summary>Inputs by their JSON property name (camelCase as Elsa writes them).</summary>
    public Dictionary<string, InputValue> Inputs { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Outputs bound to variables, by their JSON property name.</summary>
    public Dictionary<string, OutputBinding> Outputs { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Child activities of a container (flowchart, sequence).</summary>
    public List<ActivityNode> Activities { get; } = [];

    /// <summary>Connections between the children of a flowchart.</summary>
    public List<Connection> Connections { get; } = [];

    /// <summary>Embedded single-activity ports such as <c>body</c> of ForEach, <c>then</c>/<c>else</c> of If.</summary>
    public Dictionary<string, ActivityNode?> Ports { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Properties we do not model, written back unchanged.</summary>
    public JsonObject Extra { get; set; } = [];

    /// <summary>The verbatim JSON of an activity whose type is unknown; null for known types.</summary>
    public JsonObject? Raw { get; set; }

    /// <summary>True for a type no registered activity has (kept verbatim, cannot run).</summary>
    public bool IsUnknown => Raw is not null && WorkflowDefinitionId is null;

    /// <summary>
    /// For a workflow used as an activity (Elsa's workflow-definition activity: its type is the workflow's name and it
    /// carries <c>workflowDefinitionId</c>), the id of the workflow it runs; null for every other activity. Such nodes
    /// keep their JSON in <see cref="Raw"/> like unknown types, since their inputs and outputs are the child's.
    /// </summary>
    public string? WorkflowDefinitionId =>
        Raw is not null && Serialization.WorkflowJsonReader.FindKey(Raw, "workflowDefinitionId") is { } key
        && Raw[key] is JsonValue v && v.TryGetValue<string>(out var id) && !string.IsNullOrWhiteSpace(id) ? id : null;

    /// <summary>True when this activity can start the workflow (Elsa's <c>customProperties.canStartWorkflow</c>).</summary>
    public bool CanStartWorkflow =>
        CustomProperties.TryGetPropertyValue("canStartWorkflow", out var v) && v is JsonValue jv && jv.TryGetValue<bool>(out var b) && b;

    public string DisplayLabel => string.IsNullOrEmpty(Name) ? Id : Name;

    /// <summary>The designer position, when the file has one.</summary>
    public (double X, double Y)? Position
    {
        get
        {
            if (Metadata["designer"]?["position"] is JsonObject p
                && p["x"] is JsonValue x && x.TryGetValue<double>(out var xv)
                && p["y"] is JsonValue y && y.TryGetValue<double>(out var yv))
            {
                return (xv, yv);
            }

            return null;
        }
    }

    /// <summary>Every activity below this one (children, port activities, recursively), not including this one.</summary>
    public IEnumerable<ActivityNode> Descendants()
    {
        foreach (var child in Activities)
        {
            yield return child;
            foreach (var d in child.Descendants())
            {
                yield return d;
            }
        }

        foreach (var port in Ports.Values)
        {
            if (port is null)
            {
                continue;
            }

            yield return port;
            foreach (var d in port.Descendants())
            {
                yield return d;
            }
        }
    }
}
