using System.Text.Json.Nodes;

namespace RulesEngine.Host.Features.Workflows;

/// <summary>
/// One version of a workflow as the designer edits it. <see cref="Definition"/> is the Elsa-shaped JSON whose
/// definitionId, tenantId, version, isPublished and isLatest come from the store (not from what was saved).
/// </summary>
public sealed record WorkflowVersionModel(
    JsonObject Definition,
    int Version,
    bool IsPublished,
    bool IsLatest,
    int? PublishedVersion,
    string ConcurrencyStamp,
    string? SavedBy,
    DateTimeOffset SavedAt);
