namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>
/// A compiler or sandbox message about one script. <see cref="Line"/> and <see cref="Column"/> are 1-based and relative
/// to the user's code (1:1 is its first character). An empty <see cref="ActivityId"/> means the message is about the
/// workflow as a whole (for example a variable type that cannot be used in scripts).
/// </summary>
public sealed record ScriptDiagnostic(string ActivityId, string InputName, int Line, int Column, string Severity, string Code, string Message)
{
    public const string Error = "error";

    public const string Warning = "warning";

    public bool IsError => Severity == Error;

    public override string ToString() =>
        ActivityId.Length == 0 && InputName.Length == 0
            ? $"workflow: {Severity} {Code}: {Message}"
            : $"activity {ActivityId} input '{InputName}' ({Line}:{Column}): {Severity} {Code}: {Message}";
}
