namespace RulesEngine.Persistence.Infrastructure;

internal static class Ids
{
    /// <summary>Time-ordered (version 7) so that new rows land at the end of indexes.</summary>
    public static string New() => Guid.CreateVersion7().ToString("N");
}
