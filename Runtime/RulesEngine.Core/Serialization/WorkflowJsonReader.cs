using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Core.Descriptors;
using RulesEngine.Core.Model;

namespace RulesEngine.Core.Serialization;

/// <summary>
/// Reads Elsa 3 workflow-definition JSON leniently: PascalCase keys, <c>$values</c> wrappers, legacy flat connections,
/// bare input values (read as literals), stale type names and a UTF-8 BOM. Unknown activity types are kept verbatim.
/// </summary>
public sealed class WorkflowJsonReader(ActivityRegistry registry)
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly HashSet<string> StructuralKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata", "activities", "connections",
        "$type", "$id",
    };

    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "definitionId", "tenantId", "name", "description", "version", "isLatest", "isPublished", "variables",
        "inputs", "outputs", "options", "root",
    };

    /// <summary>Parses text into JSON, with errors that name line and position.</summary>
    public static JsonNode ParseJson(string json, string source = "workflow")
    {
        if (json.Length > 0 && json[0] == '\uFEFF')
        {
            json = json[1..];
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            throw new WorkflowFormatException($"{source}: the file is empty");
        }

        try
        {
            return JsonNode.Parse(json, documentOptions: DocumentOptions)
                ?? throw new WorkflowFormatException($"{source}: the file holds JSON null, not a workflow");
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber + 1;
            var position = ex.BytePositionInLine + 1;
            var reason = ex.Message;
            var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }

            throw new WorkflowFormatException($"{source}: invalid JSON at line {line}, position {position}: {reason}", line, position, ex);
        }
    }

    public static JsonNode ParseJson(byte[] utf8, string source = "workflow") => ParseJson(Encoding.UTF8.GetString(utf8), source);

    /// <summary>Reads one workflow from JSON text.</summary>
    public WorkflowDefinition Read(string json, string source = "workflow") => Read(ParseJson(json, source), source);

    /// <summary>Reads one or several workflows: a single definition, an array, or an export wrapper holding them.</summary>
    public IReadOnlyList<WorkflowDefinition> ReadMany(string json, string source = "workflow")
    {
        var node = Unwrap(ParseJson(json, source));
        if (node is JsonArray array)
        {
            return array.Select((item, i) => Read(item ?? throw new WorkflowFormatException($"{source}: item {i} is null"), $"{source}[{i}]")).ToList();
        }

        if (node is JsonObject o && Get(o, "workflowDefinitions") is { } defs && Unwrap(defs) is JsonArray many)
        {
            return many.Select((item, i) => Read(item!, $"{source}[{i}]")).ToList();
        }

        return [Read(node ?? throw new WorkflowFormatException($"{source}: the file holds no workflow"), source)];
    }

    public WorkflowDefinition Read(JsonNode node, string source = "workflow")
    {
        if (Unwrap(node) is not JsonObject obj)
        {
            throw new WorkflowFormatException($"{source}: expected a JSON object with a workflow definition, found {node.GetValueKind()}");
        }

        // A bare activity (e.g. a flowchart) without the definition envelope.
        if (Get(obj, "root") is null && Get(obj, "type") is not null && Get(obj, "activities") is not null)
        {
            obj = new JsonObject { ["root"] = obj.DeepClone() };
        }

        var rootNode = Unwrap(Get(obj, "root"));
        if (rootNode is not JsonObject rootObj)
        {
            throw new WorkflowFormatException($"{source}: the workflow has no 'root' activity");
        }

        var definition = new WorkflowDefinition
        {
            Id = GetString(obj, "id") ?? string.Empty,
            DefinitionId = GetString(obj, "definitionId") ?? GetString(obj, "id") ?? string.Empty,
            TenantId = GetString(obj, "tenantId"),
            Name = GetString(obj, "name") ?? string.Empty,
            Description = GetString(obj, "description"),
            Version = GetInt(obj, "version") ?? 1,
            IsLatest = GetBool(obj, "isLatest") ?? true,
            IsPublished = GetBool(obj, "isPublished") ?? false,
            Options = Unwrap(Get(obj, "options")) as JsonObject is { } opts ? (JsonObject)opts.DeepClone() : [],
            Root = ReadActivity(rootObj, source, "root"),
        };

        foreach (var v in Items(Get(obj, "variables")))
        {
            if (v is not JsonObject vo)
            {
                continue;
            }

            var name = GetString(vo, "name") ?? GetString(vo, "id") ?? throw new WorkflowFormatException($"{source}: a variable has neither name nor id");
            definition.Variables.Add(new VariableDefinition
            {
                Id = GetString(vo, "id") ?? name,
                Name = name,
                TypeName = GetString(vo, "typeName") ?? GetString(vo, "type") ?? "Object",
                IsArray = GetBool(vo, "isArray") ?? false,
                Value = Get(vo, "value")?.DeepClone(),
                Extra = Rest(vo, "id", "name", "typeName", "type", "isArray", "value"),
            });
        }

        foreach (var i in Items(Get(obj, "inputs")))
        {
            if (i is JsonObject io && GetString(io, "name") is { } name)
            {
                definition.Inputs.Add(new WorkflowInputDefinition
                {
                    Name = name,
                    TypeName = GetString(io, "type") ?? GetString(io, "typeName") ?? "Object",
                    DisplayName = GetString(io, "displayName"),
                    Description = GetString(io, "description"),
                    DefaultValue = Get(io, "defaultValue")?.DeepClone(),
                    Extra = Rest(io, "name", "type", "typeName", "displayName", "description", "defaultValue"),
                });
            }
        }

        foreach (var o in Items(Get(obj, "outputs")))
        {
            if (o is JsonObject oo && GetString(oo, "name") is { } name)
            {
                definition.Outputs.Add(new WorkflowOutputDefinition
                {
                    Name = name,
                    TypeName = GetString(oo, "type") ?? GetString(oo, "typeName") ?? "Object",
                    DisplayName = GetString(oo, "displayName"),
                    Description = GetString(oo, "description"),
                    Extra = Rest(oo, "name", "type", "typeName", "displayName", "description"),
                });
            }
        }

        definition.Extra = Rest(obj, [.. TopLevelKeys]);
        return definition;
    }

    private ActivityNode ReadActivity(JsonObject obj, string source, string where)
    {
        var rawType = GetString(obj, "type") ?? GetString(obj, "$type")
            ?? throw new WorkflowFormatException($"{source}: activity at {where} has no 'type'");
        var id = GetString(obj, "id") ?? throw new WorkflowFormatException($"{source}: activity of type '{rawType}' at {where} has no 'id'");
        var descriptor = registry.Find(rawType);

        var node = new ActivityNode
        {
            Id = id,
            Name = GetString(obj, "name"),
            Type = descriptor?.TypeName ?? rawType,
            OriginalType = descriptor is not null && descriptor.TypeName != rawType ? rawType : null,
            Version = GetInt(obj, "version") ?? 1,
            CustomProperties = Unwrap(Get(obj, "customProperties")) is JsonObject cp ? (JsonObject)cp.DeepClone() : [],
            Metadata = Unwrap(Get(obj, "metadata")) is JsonObject md ? (JsonObject)md.DeepClone() : [],
        };

        if (descriptor is null)
        {
            // Unknown type: keep every byte of it; still read children and connections so a flowchart around it works.
            node.Raw = (JsonObject)obj.DeepClone();
            return node;
        }

        ReadChildren(node, obj, source);
        var consumed = new HashSet<string>(StructuralKeys, StringComparer.OrdinalIgnoreCase);
        foreach (var port in descriptor.Ports)
        {
            consumed.Add(port);
            var portValue = Unwrap(Get(obj, port));
            node.Ports[port] = portValue is JsonObject portObj ? ReadActivity(portObj, source, $"{id}.{port}") : null;
        }

        foreach (var input in descriptor.Inputs)
        {
            var key = FindKey(obj, input.Name);
            if (key is null)
            {
                continue;
            }

            consumed.Add(key);
            node.Inputs[input.Name] = ReadInput(obj[key], input.TypeName);
        }

        foreach (var output in descriptor.Outputs)
        {
            var key = FindKey(obj, output.Name);
            if (key is null)
            {
                continue;
            }

            consumed.Add(key);
            if (Unwrap(obj[key]) is JsonObject oo && Unwrap(Get(oo, "memoryReference")) is JsonObject mr && GetString(mr, "id") is { } refId)
            {
                node.Outputs[output.Name] = new OutputBinding(GetString(oo, "typeName") ?? output.TypeName, refId);
            }
        }

        node.Extra = Rest(obj, [.. consumed]);
        return node;
    }

    private void ReadChildren(ActivityNode node, JsonObject obj, string source)
    {
        foreach (var child in Items(Get(obj, "activities")))
        {
            if (child is JsonObject co)
            {
                node.Activities.Add(ReadActivity(co, source, $"{node.Id}.activities"));
            }
        }

        var index = 0;
        foreach (var c in Items(Get(obj, "connections")))
        {
            if (c is JsonObject co)
            {
                node.Connections.Add(ReadConnection(co, source, node.Id, index));
            }

            index++;
        }
    }

    private static Connection ReadConnection(JsonObject c, string source, string flowchartId, int index)
    {
        var sourceNode = Unwrap(Get(c, "source"));
        var targetNode = Unwrap(Get(c, "target"));
        string? sourceId, targetId, sourcePort, targetPort;
        if (sourceNode is JsonObject so)
        {
            sourceId = GetString(so, "activity") ?? GetString(so, "activityId") ?? GetString(so, "id");
            sourcePort = GetString(so, "port");
        }
        else
        {
            sourceId = AsString(sourceNode) ?? GetString(c, "sourceId") ?? GetString(c, "sourceActivityId");
            sourcePort = GetString(c, "sourcePort") ?? GetString(c, "outcome");
        }

        if (targetNode is JsonObject to)
        {
            targetId = GetString(to, "activity") ?? GetString(to, "activityId") ?? GetString(to, "id");
            targetPort = GetString(to, "port");
        }
        else
        {
            targetId = AsString(targetNode) ?? GetString(c, "targetId") ?? GetString(c, "targetActivityId");
            targetPort = GetString(c, "targetPort");
        }

        if (string.IsNullOrEmpty(sourceId) || string.IsNullOrEmpty(targetId))
        {
            throw new WorkflowFormatException($"{source}: connection #{index + 1} of flowchart '{flowchartId}' lacks a source or target activity");
        }

        return new Connection(sourceId, string.IsNullOrEmpty(sourcePort) ? "Done" : sourcePort, targetId, string.IsNullOrEmpty(targetPort) ? "In" : targetPort);
    }

    internal static InputValue ReadInput(JsonNode? value, string defaultTypeName)
    {
        value = Unwrap(value);
        if (value is JsonObject o && FindKey(o, "expression") is { } exprKey)
        {
            var typeName = GetString(o, "typeName") ?? defaultTypeName;
            var expr = Unwrap(o[exprKey]);
            if (expr is JsonObject eo)
            {
                var exprType = GetString(eo, "type") ?? Expression.Literal;
                var exprValue = Get(eo, "value");
                return new InputValue(typeName, new Expression(NormalizeExpressionType(exprType), exprValue?.DeepClone()));
            }

            return new InputValue(typeName, Expression.FromLiteral(expr?.DeepClone()));
        }

        if (value is JsonObject wrapped && FindKey(wrapped, "typeName") is not null && wrapped.Count == 1)
        {
            return new InputValue(GetString(wrapped, "typeName")!, Expression.FromLiteral(null));
        }

        // A bare value is a literal.
        return new InputValue(defaultTypeName, Expression.FromLiteral(value?.DeepClone()));
    }

    private static string NormalizeExpressionType(string type) => type switch
    {
        _ when type.Equals("Literal", StringComparison.OrdinalIgnoreCase) => Expression.Literal,
        _ when type.Equals("Object", StringComparison.OrdinalIgnoreCase) => Expression.Object,
        _ when type.Equals("Json", StringComparison.OrdinalIgnoreCase) => Expression.Object,
        _ when type.Equals("Variable", StringComparison.OrdinalIgnoreCase) => Expression.Variable,
        _ when type.Equals("CSharp", StringComparison.OrdinalIgnoreCase) || type.Equals("C#", StringComparison.OrdinalIgnoreCase) => Expression.CSharp,
        _ when type.Equals("JavaScript", StringComparison.OrdinalIgnoreCase) => Expression.JavaScript,
        _ when type.Equals("Liquid", StringComparison.OrdinalIgnoreCase) => Expression.Liquid,
        _ => type,
    };

    /// <summary>Removes Newtonsoft-style <c>{"$id":…,"$values":[…]}</c> wrappers.</summary>
    internal static JsonNode? Unwrap(JsonNode? node)
    {
        while (node is JsonObject o && FindKey(o, "$values") is { } key)
        {
            node = o[key];
        }

        return node;
    }

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => Unwrap(node) is JsonArray a ? a : [];

    internal static string? FindKey(JsonObject o, string name)
    {
        if (o.ContainsKey(name))
        {
            return name;
        }

        foreach (var (key, _) in o)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return null;
    }

    private static JsonNode? Get(JsonObject o, string name) => FindKey(o, name) is { } key ? o[key] : null;

    private static string? AsString(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? GetString(JsonObject o, string name) => Get(o, name) switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() is JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };

    private static int? GetInt(JsonObject o, string name) => Get(o, name) is JsonValue v
        ? v.TryGetValue<int>(out var i) ? i : v.TryGetValue<string>(out var s) && int.TryParse(s, out var p) ? p : null
        : null;

    private static bool? GetBool(JsonObject o, string name) => Get(o, name) is JsonValue v
        ? v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<string>(out var s) && bool.TryParse(s, out var p) ? p : null
        : null;

    private static JsonObject Rest(JsonObject o, params string[] consumed)
    {
        var set = new HashSet<string>(consumed, StringComparer.OrdinalIgnoreCase);
        var rest = new JsonObject();
        foreach (var (key, value) in o)
        {
            if (!set.Contains(key))
            {
                rest[key] = value?.DeepClone();
            }
        }

        return rest;
    }
}
