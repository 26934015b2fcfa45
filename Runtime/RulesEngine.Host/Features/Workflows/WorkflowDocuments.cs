using System.Text;
using System.Text.Json.Nodes;
using RulesEngine.Core.Descriptors;
using RulesEngine.Core.Model;
using WorkflowDefinition = RulesEngine.Core.Model.WorkflowDefinition;
using RulesEngine.Core.Serialization;
using RulesEngine.Core.Validation;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.Workflows;

/// <summary>Conversions between stored workflow versions, the engine's model and the API's shapes.</summary>
internal static class WorkflowDocuments
{
    /// <summary>Activity types that start workflows, with the input whose value summarises the trigger.</summary>
    private static readonly Dictionary<string, string[]> TriggerSummaryInputs = new(StringComparer.Ordinal)
    {
        ["Elsa.Cron"] = ["cronExpression", "cron"],
        ["Elsa.HttpEndpoint"] = ["path"],
        ["Elsa.Timer"] = ["interval"],
        ["SmartRecruiters.Event"] = ["eventTypes", "events", "eventType", "event"],
    };

    /// <summary>
    /// Prepares a definition for storage: the route's definition id and tenant win over what the file says, and the
    /// JSON is re-written in the canonical Elsa shape (version flags are set from the store's columns when read back).
    /// </summary>
    public static string Normalise(WorkflowDefinition definition, string tenantId, string definitionId)
    {
        definition.DefinitionId = definitionId;
        definition.TenantId = tenantId;
        if (string.IsNullOrWhiteSpace(definition.Id))
        {
            definition.Id = definitionId;
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            definition.Name = definitionId;
        }

        definition.IsPublished = false;
        definition.IsLatest = true;
        return WorkflowJsonWriter.Write(definition, indented: false);
    }

    /// <summary>The stored JSON with identity and version flags taken from the store's columns.</summary>
    public static JsonObject ToDefinitionJson(WorkflowVersion version)
    {
        var json = JsonNode.Parse(version.Json) as JsonObject ?? [];
        json["definitionId"] = version.DefinitionId;
        json["tenantId"] = version.TenantId;
        json["version"] = version.Version;
        json["isLatest"] = version.IsLatest;
        json["isPublished"] = version.IsPublished;
        return json;
    }

    public static WorkflowVersionModel ToModel(WorkflowVersion version, int? publishedVersion) => new(
        ToDefinitionJson(version),
        version.Version,
        version.IsPublished,
        version.IsLatest,
        publishedVersion,
        version.ConcurrencyStamp,
        version.SavedBy,
        version.SavedAt);

    /// <summary>Reads a stored version into the engine's model, with identity from the store.</summary>
    public static WorkflowDefinition Read(WorkflowJsonReader reader, WorkflowVersion version)
    {
        var definition = reader.Read(version.Json, $"{version.DefinitionId} v{version.Version}");
        definition.TenantId = version.TenantId;
        definition.DefinitionId = version.DefinitionId;
        definition.Version = version.Version;
        definition.IsPublished = version.IsPublished;
        definition.IsLatest = version.IsLatest;
        return definition;
    }

    public static WorkflowProblemModel ToModel(WorkflowProblem p) =>
        new(p.ActivityId, p.ActivityName, p.ActivityType, p.Input, p.Line, p.Column, p.Code, p.Message);

    /// <summary>A published trigger as the trigger index holds it (kind and match key).</summary>
    public static WorkflowTrigger Trigger(RulesEngine.Persistence.Triggers.TriggerIndexEntry entry) => new(
        entry.ActivityId,
        entry.Kind switch
        {
            "cron" => "Elsa.Cron",
            "http" => "Elsa.HttpEndpoint",
            "timer" => "Elsa.Timer",
            "smartrecruiters" => "SmartRecruiters.Event",
            _ => entry.Kind,
        },
        entry.Key);

    public static IReadOnlyList<WorkflowTrigger> Triggers(WorkflowDefinition definition, ActivityRegistry registry)
    {
        var triggers = new List<WorkflowTrigger>();
        foreach (var node in definition.AllActivities())
        {
            var known = TriggerSummaryInputs.TryGetValue(node.Type, out var inputs);
            if (!known && registry.Find(node.Type)?.IsTrigger != true)
            {
                continue;
            }

            var summary = (inputs ?? []).Select(name => InputText(node, name)).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
            triggers.Add(new WorkflowTrigger(node.Id, node.Type, summary));
        }

        return triggers;
    }

    /// <summary>A lower-case slug of a workflow name, used as definition id when the file has none.</summary>
    public static string Slug(string? name)
    {
        var slug = new StringBuilder();
        foreach (var c in (name ?? string.Empty).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        if (text.Length > 60)
        {
            text = text[..60].TrimEnd('-');
        }

        return text.Length == 0 ? "workflow" : text;
    }

    /// <summary>Definition ids appear in routes and file names: letters, digits, '-', '_' and '.', 1-128 characters.</summary>
    public static bool IsValidDefinitionId(string id) =>
        id.Length is > 0 and <= 128 && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string? InputText(ActivityNode node, string name)
    {
        if (node.Inputs.TryGetValue(name, out var input))
        {
            return Text(input.Expression.Value);
        }

        // Unknown types keep their JSON verbatim: read the input the way Elsa writes it.
        var raw = node.Raw?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return raw is JsonObject o && o["expression"] is JsonObject e ? Text(e["value"]) : Text(raw);
    }

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray a => string.Join(", ", a.Select(Text)),
        _ => value.ToJsonString(),
    };
}
