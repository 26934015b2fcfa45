namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>Checks required inputs before any call.</summary>
internal static class Required
{
    public static string Text(string? value, string inputName) =>
        string.IsNullOrWhiteSpace(value) ? throw new SmartRecruitersValidationException("MISSING_INPUT", $"Input '{inputName}' is required.") : value.Trim();
}
