using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Console;

/// <summary>Writes a line of text to the run's console.</summary>
[Activity("Elsa.WriteLine", Category = "Primitives", DisplayName = "Write line", Description = "Writes a line of text to the console / log.")]
public sealed class WriteLine(IWriteLineSink sink) : Activity
{
    [Input(Description = "The text to write.")]
    public Input<string> Text { get; set; } = new(string.Empty);

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        sink.WriteLine(context.InstanceId, context.ActivityId, context.Get(Text) ?? string.Empty);
        return ValueTask.CompletedTask;
    }
}
