namespace RulesEngine.Core.Expressions.JavaScript;

/// <summary>
/// Collects the outcomes a script chooses with <c>setOutcome(name)</c> / <c>setOutcomes([...])</c> (Elsa.RunJavaScript).
/// The activity opens a scope around the evaluation; outside a scope the functions do nothing.
/// </summary>
public sealed class JavaScriptOutcomes : IDisposable
{
    private static readonly AsyncLocal<JavaScriptOutcomes?> CurrentScope = new();
    private readonly JavaScriptOutcomes? _previous;
    private readonly List<string> _outcomes = [];

    private JavaScriptOutcomes()
    {
        _previous = CurrentScope.Value;
        CurrentScope.Value = this;
    }

    /// <summary>The outcomes set so far, in order, without duplicates.</summary>
    public IReadOnlyList<string> Outcomes => _outcomes;

    internal static JavaScriptOutcomes? Current => CurrentScope.Value;

    /// <summary>Starts collecting outcomes for evaluations on this async flow.</summary>
    public static JavaScriptOutcomes BeginScope() => new();

    internal void Add(string outcome)
    {
        if (!_outcomes.Contains(outcome, StringComparer.Ordinal))
        {
            _outcomes.Add(outcome);
        }
    }

    public void Dispose() => CurrentScope.Value = _previous;
}
