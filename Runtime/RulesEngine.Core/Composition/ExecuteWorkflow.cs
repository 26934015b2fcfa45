using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Core.Composition;

/// <summary>
/// Elsa's ExecuteWorkflow: runs the published version of another workflow of the tenant with the given input. Waiting
/// for completion, the child runs nested in this instance (suspending with it when it waits) and its outputs become
/// <see cref="Result"/>; otherwise it is started as an instance of its own and this activity completes at once.
/// </summary>
[Activity("Elsa.ExecuteWorkflow", Category = "Composition", DisplayName = "Execute workflow", HasSideEffects = true,
    Description = "Runs another published workflow, optionally waiting for it to finish and taking its outputs.")]
public sealed class ExecuteWorkflow : Activity
{
    [Input(Description = "The definition id of the workflow to run (its published version runs).", Required = true)]
    public Input<string> WorkflowDefinitionId { get; set; } = new(string.Empty);

    [Input(Description = "The child's input, as an object of input name to value.", UiHint = UiHints.Json)]
    public Input<object> Input { get; set; } = new();

    [Input(Description = "Wait until the child finishes and output its outputs; otherwise start it and go on.")]
    public Input<bool> WaitForCompletion { get; set; } = new(false);

    [Input(Description = "The child's correlation id (default: this instance's).")]
    public Input<string> CorrelationId { get; set; } = new(string.Empty);

    [Output(Description = "The child's outputs, by output name (when waiting for completion).")]
    public Output<object> Result { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var definitionId = context.Get(WorkflowDefinitionId);
        if (string.IsNullOrWhiteSpace(definitionId))
        {
            throw new InvalidOperationException("input 'workflowDefinitionId' is empty");
        }

        var input = ToInput(context.Get(Input));
        var correlation = context.Get(CorrelationId) is { Length: > 0 } given ? given : context.CorrelationId;
        if (!context.Get(WaitForCompletion) && context.Services.GetService<IWorkflowStarter>() is { } starter)
        {
            await starter.StartAsync(context.TenantId, definitionId, input, correlation, cancellationToken).ConfigureAwait(false);
            return;
        }

        var child = await ChildWorkflowRun.ResolveAsync(context, definitionId, null, cancellationToken).ConfigureAwait(false);
        var result = await ChildWorkflowRun.StartAsync(context, child, input, correlation, cancellationToken).ConfigureAwait(false);
        if (!context.Get(WaitForCompletion))
        {
            // No runtime to own a separate instance (CLI): the child ran to its first stop and the parent goes on.
            return;
        }

        Finish(context, child, result);
    }

    public override ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption, CancellationToken cancellationToken) =>
        ChildWorkflowRun.ResumeAndFinishAsync(context, resumption, Finish, cancellationToken);

    private void Finish(ActivityContext context, WorkflowBlueprint child, RunResult result)
    {
        if (ChildWorkflowRun.Settle(context, child, result))
        {
            context.Set(Result, ChildWorkflowRun.OutputsOf(result.State));
            context.Complete();
        }
    }

    /// <summary>The input object as a dictionary (an Object/JSON expression gives JSON, a script a dictionary).</summary>
    internal static IReadOnlyDictionary<string, object?> ToInput(object? value)
    {
        var input = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        switch (value)
        {
            case null:
                break;
            case JsonValue v when v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text):
                return ToInput(JsonNode.Parse(text));
            case JsonObject o:
                foreach (var (name, item) in o)
                {
                    input[name] = item?.DeepClone();
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out _):
                break;
            case JsonNode other:
                throw new InvalidOperationException($"input 'input' must be an object of input name to value, not {other.GetValueKind()}");
            case string text:
                return string.IsNullOrWhiteSpace(text) ? input : ToInput(JsonNode.Parse(text));
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var (name, item) in pairs)
                {
                    input[name] = item;
                }

                break;
            default:
                return ToInput(ValueConverter.ToNode(value));
        }

        return input;
    }
}
