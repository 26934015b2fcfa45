using RulesEngine.Core.Descriptors;
using RulesEngine.Core.Model;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Core.Execution;

/// <summary>An activity of a loaded workflow: its JSON node, descriptor, activity instance and input bindings.</summary>
public sealed class BlueprintNode
{
    internal BlueprintNode(ActivityNode node, ActivityDescriptor? descriptor, Activity? activity, BlueprintNode? parent)
    {
        Node = node;
        Descriptor = descriptor;
        Activity = activity;
        Parent = parent;
    }

    public ActivityNode Node { get; }

    public string Id => Node.Id;

    public ActivityDescriptor? Descriptor { get; }

    /// <summary>The activity instance; null for an unknown type (which cannot run).</summary>
    public Activity? Activity { get; }

    public BlueprintNode? Parent { get; }

    internal InputBinding[] Inputs { get; set; } = [];

    internal FlowchartModel? Flow { get; set; }

    internal Dictionary<string, BlueprintNode> Ports { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal List<BlueprintNode> Children { get; } = [];
}
