using System.Text.Json.Serialization;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Core.Descriptors;

/// <summary>Everything the designer needs to show an activity type: toolbox entry, property panel, ports.</summary>
public sealed class ActivityDescriptor
{
    public required string TypeName { get; init; }

    public required string Category { get; init; }

    public required string DisplayName { get; init; }

    public string? Description { get; init; }

    public ActivityKind Kind { get; init; }

    public bool IsTrigger => Kind == ActivityKind.Trigger;

    public bool IsContainer => Kind == ActivityKind.Container;

    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];

    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];

    public IReadOnlyList<string> Outcomes { get; init; } = ["Done"];

    public string? DynamicOutcomesInput { get; init; }

    /// <summary>The runtime checkpoints after this activity (see <see cref="Sdk.ActivityAttribute.HasSideEffects"/>).</summary>
    public bool HasSideEffects { get; init; }

    /// <summary>A checkpoint owed by an earlier side effect may wait past this activity (see <see cref="Sdk.ActivityAttribute.Instant"/>).</summary>
    public bool Instant { get; init; }

    /// <summary>
    /// For a published workflow usable as an activity: its definition id and version. A node made from this descriptor
    /// carries them as <c>workflowDefinitionId</c> and <c>version</c> (Elsa's workflow-definition activity).
    /// </summary>
    public string? WorkflowDefinitionId { get; init; }

    public int? WorkflowVersion { get; init; }

    /// <summary>Embedded single-activity ports (e.g. <c>body</c>).</summary>
    public IReadOnlyList<string> Ports { get; init; } = [];

    [JsonIgnore]
    public IReadOnlyList<string> Aliases { get; init; } = [];

    // Not "required": JSON schema generation (OpenAPI) rejects required members that are not serialised.
    [JsonIgnore]
    public Type ClrType { get; init; } = typeof(object);

    public InputDescriptor? FindInput(string name) =>
        Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));

    public OutputDescriptor? FindOutput(string name) =>
        Outputs.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
}
