using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Compatibility;

/// <summary>Elsa's If: runs the <c>then</c> or the <c>else</c> activity, then completes with True/False and Done.</summary>
[Activity("Elsa.If", Instant = true, Category = "Branching", DisplayName = "If", Kind = ActivityKind.Flow, Outcomes = ["True", "False", "Done"],
    Description = "Evaluates a condition and runs the Then or the Else activity. In a flowchart it also continues through True or False, and Done.")]
[Port("then")]
[Port("else")]
public sealed class If : Activity
{
    private const string ResultKey = "result";

    [Input(Description = "The condition.", DefaultSyntax = "CSharp")]
    public Input<bool> Condition { get; set; } = new(false);

    [Output(Description = "The value of the condition.")]
    public Output<bool> Result { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var result = context.Get(Condition);
        context.Set(Result, result);
        context.SetProperty(ResultKey, result);
        if (!context.SchedulePort(result ? "then" : "else"))
        {
            Finish(context, result);
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child, CancellationToken cancellationToken)
    {
        Finish(context, context.GetProperty<bool>(ResultKey));
        return ValueTask.CompletedTask;
    }

    private static void Finish(ActivityContext context, bool result) => context.Complete(result ? "True" : "False", "Done");
}
