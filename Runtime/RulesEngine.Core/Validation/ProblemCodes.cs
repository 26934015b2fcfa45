namespace RulesEngine.Core.Validation;

/// <summary>Stable codes of workflow problems (API clients switch on them).</summary>
public static class ProblemCodes
{
    public const string UnknownType = "unknown-type";
    public const string DuplicateId = "duplicate-id";
    public const string BadConnection = "bad-connection";
    public const string UnknownOutcome = "unknown-outcome";
    public const string CompileError = "compile-error";
    public const string ForbiddenApi = "forbidden-api";
    public const string UnsupportedExpression = "unsupported-expression";
    public const string MissingInput = "missing-input";
    public const string UnknownVariable = "unknown-variable";
    public const string InvalidInput = "invalid-input";
}
