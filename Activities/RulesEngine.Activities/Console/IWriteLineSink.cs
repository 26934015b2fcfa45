namespace RulesEngine.Activities.Console;

/// <summary>Where <see cref="WriteLine"/> text goes (stderr for the CLI, the log in the host, a list in tests).</summary>
public interface IWriteLineSink
{
    void WriteLine(string instanceId, string activityId, string text);
}
