using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.State;

/// <summary>
/// Compares a list of items (jobs, postings, candidates) with the snapshot of the previous run and outputs what was
/// added, changed and removed; then the snapshot becomes the current list. Items are matched by a key field and compared
/// by content (all fields, or the given ones).
/// </summary>
[Activity("RulesEngine.DetectChanges", Category = "Rules", DisplayName = "Detect changes", Kind = ActivityKind.Flow, Outcomes = ["Changed", "Unchanged"],
    Description = "Outputs the items added, changed and removed since the previous run (a durable per-tenant snapshot).")]
public sealed class DetectChanges(IDurableState state) : Activity
{
    [Input(Description = "The current items: a JSON array of objects.", DefaultSyntax = "CSharp", Required = true)]
    public Input<JsonNode> Items { get; set; } = new();

    [Input(Description = "The field that identifies an item.")]
    public Input<string> KeyField { get; set; } = new("id");

    [Input(Description = "Fields compared to decide that an item changed (empty: the whole item).", UiHint = UiHints.List)]
    public Input<string[]> CompareFields { get; set; } = new([]);

    [Input(Description = "Names the snapshot; default: the workflow definition id and this activity's id.")]
    public Input<string> Scope { get; set; } = new(string.Empty);

    [Input(Description = "Save the current items as the snapshot. False: only compare; then save with a second DetectChanges on the same scope once everything was sent, so that a run failing half-way is redone by the next one.")]
    public Input<bool> SaveSnapshot { get; set; } = new(true);

    [Output(Description = "Items that are new since the previous run.")]
    public Output<JsonArray> Added { get; set; } = new();

    [Output(Description = "Items whose compared fields changed.")]
    public Output<JsonArray> Changed { get; set; } = new();

    [Output(Description = "Keys of items that are gone since the previous run.")]
    public Output<JsonArray> Removed { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var items = context.Get(Items) switch
        {
            JsonArray a => a,
            null => [],
            var other => throw new InvalidOperationException($"input 'items' must be a JSON array, not {other.GetValueKind()}"),
        };
        var keyField = context.Get(KeyField) is { Length: > 0 } k ? k : "id";
        var fields = context.Get(CompareFields) ?? [];
        var scope = "changes:" + (context.Get(Scope) is { Length: > 0 } s ? s : $"{context.DefinitionId}:{context.ActivityId}");

        var previous = await state.GetSnapshotAsync(context.TenantId, scope, cancellationToken).ConfigureAwait(false) is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []
            : [];
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonArray added = [], changed = [], removed = [];
        foreach (var item in items)
        {
            if (item is not JsonObject o || o[keyField] is not { } keyNode)
            {
                throw new InvalidOperationException($"input 'items': an item has no '{keyField}' field");
            }

            var key = keyNode is JsonValue v && v.TryGetValue<string>(out var text) ? text : keyNode.ToJsonString();
            var fingerprint = Fingerprint(o, fields);
            current[key] = fingerprint;
            if (!previous.TryGetValue(key, out var before))
            {
                added.Add(o.DeepClone());
            }
            else if (before != fingerprint)
            {
                changed.Add(o.DeepClone());
            }
        }

        foreach (var key in previous.Keys.Where(k => !current.ContainsKey(k)))
        {
            removed.Add(key);
        }

        context.Set(Added, added);
        context.Set(Changed, changed);
        context.Set(Removed, removed);
        if (context.Get(SaveSnapshot))
        {
            await state.SetSnapshotAsync(context.TenantId, scope, JsonSerializer.Serialize(current), cancellationToken).ConfigureAwait(false);
        }

        context.Complete(added.Count + changed.Count + removed.Count > 0 ? "Changed" : "Unchanged");
    }

    private static string Fingerprint(JsonObject item, string[] fields)
    {
        JsonNode compared = fields.Length == 0 ? item : new JsonObject(fields.Select(f => KeyValuePair.Create(f, item[f]?.DeepClone())));
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(compared.ToJsonString(EngineJson.Options)));
        return Convert.ToHexStringLower(bytes);
    }
}
