using System.Text.Json;
using System.Text.Json.Serialization;

namespace RulesEngine.Core.Execution;

/// <summary>
/// The whole state of a workflow instance. It serialises to JSON (<see cref="Serialize"/>) and a fresh engine in another
/// process resumes from it (<see cref="Deserialize"/>), given the same workflow version.
/// </summary>
public sealed class WorkflowState
{
    public int SchemaVersion { get; set; } = 1;

    public required string InstanceId { get; init; }

    public required string DefinitionId { get; init; }

    public string? DefinitionVersionId { get; init; }

    public int Version { get; init; }

    public string? TenantId { get; init; }

    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;

    public string? CorrelationId { get; set; }

    public string? Name { get; set; }

    public Dictionary<string, object?> Variables { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, object?> Input { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, object?> Output { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Outputs of activities that ran, by activity id then output name.</summary>
    public Dictionary<string, Dictionary<string, object?>> ActivityOutputs { get; init; } = new(StringComparer.Ordinal);

    public object? LastResult { get; set; }

    /// <summary>The outcomes the root completed with (Elsa.Complete in the root flowchart); a parent running this as a child workflow continues through them.</summary>
    public List<string>? Outcomes { get; set; }

    public TriggerState? Trigger { get; init; }

    public Dictionary<string, ContextState> Contexts { get; init; } = new(StringComparer.Ordinal);

    public Queue<WorkItem> Queue { get; init; } = new();

    public List<BookmarkState> Bookmarks { get; init; } = [];

    public List<JournalEntry> Journal { get; init; } = [];

    public WorkflowFault? Fault { get; set; }

    public long NextId { get; set; } = 1;

    public long JournalSequence { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    [JsonIgnore]
    internal Lock Gate { get; } = new();

    public string Serialize(bool indented = false) => JsonSerializer.Serialize(this, indented ? EngineJson.Indented : EngineJson.Options);

    public static WorkflowState Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowState>(json, EngineJson.Options)
        ?? throw new JsonException("workflow state JSON is null");
}
