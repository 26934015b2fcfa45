namespace RulesEngine.Activities.Console;

/// <summary>Writes WriteLine text to a <see cref="TextWriter"/> (the CLI passes stderr).</summary>
public sealed class TextWriterSink(TextWriter writer) : IWriteLineSink
{
    private readonly Lock _gate = new();

    public void WriteLine(string instanceId, string activityId, string text)
    {
        lock (_gate)
        {
            writer.WriteLine(text);
        }
    }
}
