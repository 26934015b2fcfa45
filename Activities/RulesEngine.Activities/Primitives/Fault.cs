using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Primitives;

/// <summary>Faults the workflow with a message and code.</summary>
[Activity("Elsa.Fault", Category = "Primitives", DisplayName = "Fault", Kind = ActivityKind.Flow, Outcomes = [],
    Description = "Faults the workflow with the given message.")]
public sealed class Fault : Activity
{
    [Input(Description = "A code for the fault, e.g. NO_JOB_MAPPING.")]
    public Input<string> Code { get; set; } = new(string.Empty);

    [Input(Description = "What went wrong.", Required = true)]
    public Input<string> Message { get; set; } = new("The workflow faulted.");

    [Input(Description = "Free-form category, e.g. Validation.")]
    public Input<string> Category { get; set; } = new(string.Empty);

    [Input(Description = "Longer explanation.", UiHint = UiHints.MultiLine)]
    public Input<string> Reason { get; set; } = new(string.Empty);

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var code = context.Get(Code);
        var message = context.Get(Message) ?? "The workflow faulted.";
        var reason = context.Get(Reason);
        throw new WorkflowFaultException(string.IsNullOrEmpty(code) ? null : code, string.IsNullOrEmpty(reason) ? message : $"{message} ({reason})");
    }
}
