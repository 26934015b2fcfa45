using System.Text.Json.Nodes;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Model;

namespace RulesEngine.Core.Serialization;

/// <summary>Writes a workflow in Elsa 3's canonical shape (camelCase, nested connections); unknown activities verbatim.</summary>
public static class WorkflowJsonWriter
{
    public static string Write(WorkflowDefinition definition, bool indented = true) =>
        ToJson(definition).ToJsonString(indented ? EngineJson.Indented : EngineJson.Options);

    public static JsonObject ToJson(WorkflowDefinition d)
    {
        var o = new JsonObject
        {
            ["id"] = d.Id,
            ["definitionId"] = d.DefinitionId,
        };
        if (d.TenantId is not null)
        {
            o["tenantId"] = d.TenantId;
        }

        o["name"] = d.Name;
        if (d.Description is not null)
        {
            o["description"] = d.Description;
        }

        o["version"] = d.Version;
        o["isLatest"] = d.IsLatest;
        o["isPublished"] = d.IsPublished;
        o["variables"] = new JsonArray([.. d.Variables.Select(WriteVariable)]);
        o["inputs"] = new JsonArray([.. d.Inputs.Select(WriteInputDefinition)]);
        o["outputs"] = new JsonArray([.. d.Outputs.Select(WriteOutputDefinition)]);
        o["options"] = d.Options.DeepClone();
        foreach (var (key, value) in d.Extra)
        {
            o[key] = value?.DeepClone();
        }

        o["root"] = WriteActivity(d.Root);
        return o;
    }

    public static JsonObject WriteActivity(ActivityNode n)
    {
        if (n.Raw is not null)
        {
            return (JsonObject)n.Raw.DeepClone();
        }

        var o = new JsonObject
        {
            ["id"] = n.Id,
        };
        if (n.Name is not null)
        {
            o["name"] = n.Name;
        }

        o["type"] = n.Type;
        o["version"] = n.Version;
        o["customProperties"] = n.CustomProperties.DeepClone();
        o["metadata"] = n.Metadata.DeepClone();
        foreach (var (name, input) in n.Inputs)
        {
            o[name] = new JsonObject
            {
                ["typeName"] = input.TypeName,
                ["expression"] = new JsonObject
                {
                    ["type"] = input.Expression.Type,
                    ["value"] = input.Expression.Value?.DeepClone(),
                },
            };
        }

        foreach (var (name, output) in n.Outputs)
        {
            o[name] = new JsonObject
            {
                ["typeName"] = output.TypeName,
                ["memoryReference"] = new JsonObject { ["id"] = output.MemoryReferenceId },
            };
        }

        foreach (var (name, port) in n.Ports)
        {
            o[name] = port is null ? null : WriteActivity(port);
        }

        foreach (var (key, value) in n.Extra)
        {
            o[key] = value?.DeepClone();
        }

        if (n.Activities.Count > 0 || n.Connections.Count > 0 || n.Type is "Elsa.Flowchart" or "Elsa.Sequence")
        {
            o["activities"] = new JsonArray([.. n.Activities.Select(WriteActivity)]);
        }

        if (n.Connections.Count > 0 || n.Type == "Elsa.Flowchart")
        {
            o["connections"] = new JsonArray([.. n.Connections.Select(c => (JsonNode)new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = c.SourceActivityId, ["port"] = c.SourcePort },
                ["target"] = new JsonObject { ["activity"] = c.TargetActivityId, ["port"] = c.TargetPort },
            })]);
        }

        return o;
    }

    private static JsonNode WriteVariable(VariableDefinition v)
    {
        var o = new JsonObject { ["id"] = v.Id, ["name"] = v.Name, ["typeName"] = v.TypeName };
        if (v.IsArray)
        {
            o["isArray"] = true;
        }

        if (v.Value is not null)
        {
            o["value"] = v.Value.DeepClone();
        }

        foreach (var (key, value) in v.Extra)
        {
            o[key] = value?.DeepClone();
        }

        return o;
    }

    private static JsonNode WriteInputDefinition(WorkflowInputDefinition i)
    {
        var o = new JsonObject { ["name"] = i.Name, ["type"] = i.TypeName };
        if (i.DisplayName is not null)
        {
            o["displayName"] = i.DisplayName;
        }

        if (i.Description is not null)
        {
            o["description"] = i.Description;
        }

        if (i.DefaultValue is not null)
        {
            o["defaultValue"] = i.DefaultValue.DeepClone();
        }

        foreach (var (key, value) in i.Extra)
        {
            o[key] = value?.DeepClone();
        }

        return o;
    }

    private static JsonNode WriteOutputDefinition(WorkflowOutputDefinition d)
    {
        var o = new JsonObject { ["name"] = d.Name, ["type"] = d.TypeName };
        if (d.DisplayName is not null)
        {
            o["displayName"] = d.DisplayName;
        }

        if (d.Description is not null)
        {
            o["description"] = d.Description;
        }

        foreach (var (key, value) in d.Extra)
        {
            o[key] = value?.DeepClone();
        }

        return o;
    }
}
