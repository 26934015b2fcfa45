using System.Text.Json.Nodes;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Primitives;

/// <summary>Sets a workflow variable.</summary>
[Activity("Elsa.SetVariable", Instant = true, Category = "Primitives", DisplayName = "Set variable", Description = "Assigns a value to a workflow variable.")]
public sealed class SetVariable : Activity
{
    [Input(Description = "The variable to set: its name, or Elsa's variable object with id and name.", UiHint = UiHints.Variable, Required = true)]
    public Input<JsonNode> Variable { get; set; } = new();

    [Input(Description = "The value to assign.", DefaultSyntax = "CSharp")]
    public Input<object> Value { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var target = context.Get(Variable) switch
        {
            JsonValue v when v.TryGetValue<string>(out var name) => name,
            JsonObject o => (o["id"] ?? o["name"])?.GetValue<string>(),
            _ => null,
        };
        if (string.IsNullOrEmpty(target))
        {
            throw new InvalidOperationException("input 'variable' names no variable");
        }

        context.SetVariable(target, context.Get(Value));
        return ValueTask.CompletedTask;
    }
}
