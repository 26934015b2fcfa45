using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Primitives;

/// <summary>Sets the instance's correlation id (events and lookups match on it).</summary>
[Activity("Elsa.Correlate", Instant = true, Category = "Primitives", DisplayName = "Correlate", Description = "Sets the correlation id of the workflow instance.")]
public sealed class Correlate : Activity
{
    [Input(Description = "The correlation id, e.g. a candidate id.")]
    public Input<string> CorrelationId { get; set; } = new(string.Empty);

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.CorrelationId = context.Get(CorrelationId);
        return ValueTask.CompletedTask;
    }
}
