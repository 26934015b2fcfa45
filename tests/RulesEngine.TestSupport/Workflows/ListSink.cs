using RulesEngine.Activities.Console;

namespace RulesEngine.TestSupport.Workflows;

/// <summary>Collects WriteLine output in memory.</summary>
public sealed class ListSink : IWriteLineSink
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void WriteLine(string instanceId, string activityId, string text)
    {
        lock (_lines)
        {
            _lines.Add(text);
        }
    }
}
