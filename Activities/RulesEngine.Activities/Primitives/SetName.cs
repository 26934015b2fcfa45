using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Primitives;

/// <summary>Names the running instance (shown in instance lists).</summary>
[Activity("Elsa.SetName", Instant = true, Category = "Primitives", DisplayName = "Set name", Description = "Sets the name of the workflow instance.")]
public sealed class SetName : Activity
{
    [Input(Description = "The instance name.")]
    public Input<string> Value { get; set; } = new(string.Empty);

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.SetWorkflowName(context.Get(Value));
        return ValueTask.CompletedTask;
    }
}
