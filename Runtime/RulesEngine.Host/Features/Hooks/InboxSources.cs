namespace RulesEngine.Host.Features.Hooks;

/// <summary>How inbox items name what they trigger: "http:{definitionId}:{activityId}".</summary>
internal static class InboxSources
{
    public static string Http(string definitionId, string activityId) => $"http:{definitionId}:{activityId}";

    public static bool TryParseHttp(string source, out string definitionId, out string activityId)
    {
        definitionId = activityId = string.Empty;
        var parts = source.Split(':', 3);
        if (parts.Length != 3 || parts[0] != "http")
        {
            return false;
        }

        definitionId = parts[1];
        activityId = parts[2];
        return true;
    }
}
