using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.State;

/// <summary>Looks a key up in one of the tenant's mapping tables.</summary>
[Activity("RulesEngine.Lookup", Category = "Rules", DisplayName = "Lookup", Kind = ActivityKind.Flow, Outcomes = ["Found", "NotFound"],
    Description = "Finds the value of a key in a mapping table; NotFound when the table has no such key.")]
public sealed class Lookup : Activity
{
    [Input(Description = "Mapping table name, e.g. jobs.", Required = true)]
    public Input<string> Table { get; set; } = new(string.Empty);

    [Input(Description = "The key to look up.", DefaultSyntax = "CSharp", Required = true)]
    public Input<string> Key { get; set; } = new(string.Empty);

    [Output(Description = "The mapped value (null when not found).")]
    public Output<string> Value { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var table = context.Get(Table) ?? string.Empty;
        var key = context.Get(Key) ?? string.Empty;
        var value = context.Mappings[table][key];
        context.Set(Value, value);
        context.Complete(value is null ? "NotFound" : "Found");
        return ValueTask.CompletedTask;
    }
}
