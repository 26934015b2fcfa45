using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Flow;

/// <summary>Continues through True or False.</summary>
[Activity("Elsa.FlowDecision", Instant = true, Category = "Branching", DisplayName = "Decision", Kind = ActivityKind.Flow, Outcomes = ["True", "False"],
    Description = "Continues through True when the condition holds, else through False.")]
public sealed class FlowDecision : Activity
{
    [Input(Description = "The condition to test.", DefaultSyntax = "CSharp")]
    public Input<bool> Condition { get; set; } = new(false);

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.Complete(context.Get(Condition) ? "True" : "False");
        return ValueTask.CompletedTask;
    }
}
