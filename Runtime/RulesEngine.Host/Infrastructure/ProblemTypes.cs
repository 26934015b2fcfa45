namespace RulesEngine.Host.Infrastructure;

/// <summary>Stable problem-details <c>type</c> URIs that clients switch on.</summary>
public static class ProblemTypes
{
    public const string NotFound = "https://rulesengine.dev/problems/not-found";
    public const string Conflict = "https://rulesengine.dev/problems/conflict";
    public const string WorkflowInvalid = "https://rulesengine.dev/problems/workflow-invalid";
    public const string InvalidJson = "https://rulesengine.dev/problems/invalid-json";
    public const string Validation = "https://rulesengine.dev/problems/validation";
    public const string NotRunnable = "https://rulesengine.dev/problems/not-runnable";
}
