using System.Text.Json.Nodes;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Model;

namespace RulesEngine.Core.Validation;

/// <summary>
/// What an imported (e.g. Elsa 3) workflow contains that was kept but will not run here: unknown activity types,
/// expression types without a handler, and options this engine does not implement (activation strategies, incident
/// strategies, commit strategies, asynchronous activity execution). Built from the definition and its loaded blueprint.
/// </summary>
public sealed record ImportReport(int UnknownTypes, int UnsupportedExpressions, int UnsupportedOptions, IReadOnlyList<ImportReportItem> Items)
{
    /// <summary>Activation strategies that behave like ours (every trigger starts a new instance).</summary>
    private static readonly string[] SupportedActivationStrategies = ["AllowAlwaysStrategy"];

    public bool HasProblems => Items.Count > 0;

    /// <summary>"2 unknown types, 1 unsupported expression, 0 unsupported options".</summary>
    public string Summary =>
        $"{UnknownTypes} unknown {Plural(UnknownTypes, "type")}, {UnsupportedExpressions} unsupported {Plural(UnsupportedExpressions, "expression")}, {UnsupportedOptions} unsupported {Plural(UnsupportedOptions, "option")}";

    public static ImportReport Create(WorkflowDefinition definition, WorkflowBlueprint blueprint)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(blueprint);
        var items = new List<ImportReportItem>();
        foreach (var p in blueprint.Problems)
        {
            var kind = p.Code switch
            {
                ProblemCodes.UnknownType => ImportReportItem.UnknownType,
                ProblemCodes.UnsupportedExpression => ImportReportItem.UnsupportedExpression,
                _ => null,
            };
            if (kind is not null)
            {
                items.Add(new ImportReportItem(kind, p.Message) { ActivityId = p.ActivityId, ActivityName = p.ActivityName, ActivityType = p.ActivityType, Property = p.Input });
            }
        }

        WorkflowOptions(definition.Options, items);
        foreach (var node in blueprint.Nodes.Values.Select(n => n.Node).Where(n => !n.IsUnknown))
        {
            ActivityOptions(node, items);
        }

        return new ImportReport(
            items.Count(i => i.Kind == ImportReportItem.UnknownType),
            items.Count(i => i.Kind == ImportReportItem.UnsupportedExpression),
            items.Count(i => i.Kind == ImportReportItem.UnsupportedOption),
            items);
    }

    private static void WorkflowOptions(JsonObject options, List<ImportReportItem> items)
    {
        foreach (var (key, value) in options)
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var unsupported = key.ToUpperInvariant() switch
            {
                "ACTIVATIONSTRATEGYTYPE" => text is not null && !SupportedActivationStrategies.Any(a => text.Contains(a, StringComparison.Ordinal))
                    ? $"activation strategy '{text}' is not implemented: every trigger starts a new instance" : null,
                "INCIDENTSTRATEGYTYPE" => text is not null ? $"incident strategy '{text}' is not implemented: a fault faults the instance" : null,
                "AUTOUPDATECONSUMINGWORKFLOWS" => IsTrue(value) ? "workflows using this one as an activity are not updated when it is published: they keep running the version they pin" : null,
                "COMMITSTRATEGYNAME" => text is not null ? $"commit strategy '{text}' is not implemented: state is saved when the run stops" : null,
                _ => null,
            };
            if (unsupported is not null)
            {
                items.Add(new ImportReportItem(ImportReportItem.UnsupportedOption, unsupported) { Property = key });
            }
        }
    }

    private static void ActivityOptions(ActivityNode node, List<ImportReportItem> items)
    {
        // Inputs and output bindings the activity type does not have are kept in Extra but do nothing here.
        if (node.WorkflowDefinitionId is null)
        {
            foreach (var (key, value) in node.Extra)
            {
                if (Serialization.WorkflowJsonReader.Unwrap(value) is not JsonObject o)
                {
                    continue;
                }

                string? message = null;
                if (Serialization.WorkflowJsonReader.FindKey(o, "expression") is { } e && HasValue(Serialization.WorkflowJsonReader.Unwrap(o[e])))
                {
                    message = $"input '{key}' is not implemented by {node.Type}: its value is ignored";
                }
                else if (Serialization.WorkflowJsonReader.FindKey(o, "memoryReference") is { } m && Serialization.WorkflowJsonReader.Unwrap(o[m]) is JsonObject r && r["id"] is JsonValue id)
                {
                    message = $"output '{key}' does not exist on {node.Type}: the binding to '{id}' is ignored";
                }

                if (message is not null)
                {
                    items.Add(new ImportReportItem(ImportReportItem.UnsupportedOption, message)
                    {
                        ActivityId = node.Id,
                        ActivityName = node.DisplayLabel,
                        ActivityType = node.OriginalType ?? node.Type,
                        Property = key,
                    });
                }
            }
        }

        // Elsa 3 writes runAsynchronously in customProperties; older exports put it on the activity.
        foreach (var (key, value) in node.Extra.Concat(node.CustomProperties))
        {
            if (key.Equals("runAsynchronously", StringComparison.OrdinalIgnoreCase) && IsTrue(value))
            {
                items.Add(new ImportReportItem(ImportReportItem.UnsupportedOption, "runAsynchronously is not implemented: the activity runs inline") with
                {
                    ActivityId = node.Id,
                    ActivityName = node.DisplayLabel,
                    ActivityType = node.OriginalType ?? node.Type,
                    Property = key,
                });
            }
        }
    }

    /// <summary>An expression that says something: not null, not an empty value.</summary>
    private static bool HasValue(JsonNode? expression) =>
        expression is JsonObject eo && eo.FirstOrDefault(p => string.Equals(p.Key, "value", StringComparison.OrdinalIgnoreCase)).Value is { } v
            && !(v is JsonValue jv && jv.TryGetValue<string>(out var s) && string.IsNullOrEmpty(s));

    private static bool IsTrue(JsonNode? value) => value is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
