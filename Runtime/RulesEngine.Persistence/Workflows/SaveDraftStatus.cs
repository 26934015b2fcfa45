namespace RulesEngine.Persistence.Workflows;

public enum SaveDraftStatus
{
    /// <summary>The draft was written (in place, or as a new version when the latest was published).</summary>
    Saved,

    /// <summary>Someone saved since the caller read: <see cref="SaveDraftResult.Current"/> is what they saved.</summary>
    Conflict,

    /// <summary>There is no such definition.</summary>
    NotFound,
}
