namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>Thrown inside a script when it runs longer than its time budget.</summary>
public sealed class ScriptTimeoutException : Exception
{
    public ScriptTimeoutException()
        : this(TimeSpan.Zero)
    {
    }

    public ScriptTimeoutException(string message)
        : base(message)
    {
    }

    public ScriptTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScriptTimeoutException(TimeSpan budget)
        : base($"script exceeded its time budget of {Format(budget)}")
    {
        Budget = budget;
    }

    public TimeSpan Budget { get; }

    private static string Format(TimeSpan budget) =>
        budget.Ticks % TimeSpan.TicksPerSecond == 0
            ? $"{(long)budget.TotalSeconds} s"
            : $"{(long)budget.TotalMilliseconds} ms";
}
