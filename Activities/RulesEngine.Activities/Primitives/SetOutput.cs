using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Primitives;

/// <summary>Sets one of the workflow's outputs.</summary>
[Activity("Elsa.SetOutput", Instant = true, Category = "Primitives", DisplayName = "Set output", Description = "Sets a workflow output.")]
public sealed class SetOutput : Activity
{
    [Input(Description = "Name of the workflow output.", Required = true)]
    public Input<string> OutputName { get; set; } = new(string.Empty);

    [Input(Description = "The value.", DefaultSyntax = "CSharp")]
    public Input<object> OutputValue { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var name = context.Get(OutputName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException("input 'outputName' is empty");
        }

        context.SetWorkflowOutput(name, context.Get(OutputValue));
        return ValueTask.CompletedTask;
    }
}
