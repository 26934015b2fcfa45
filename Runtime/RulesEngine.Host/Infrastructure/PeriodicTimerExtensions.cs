namespace RulesEngine.Host.Infrastructure;

/// <summary>Background loops stop quietly when the host stops.</summary>
internal static class PeriodicTimerExtensions
{
    /// <summary>Waits for the next tick; false when the host stops (the timer may be disposed under us then).</summary>
    public static async Task<bool> TickAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
