using Microsoft.EntityFrameworkCore;

namespace RulesEngine.Persistence.Infrastructure;

internal static class DbUpdateExtensions
{
    /// <summary>
    /// Inserts <paramref name="entity"/> and returns true, or returns false when a unique index rejected it and
    /// <paramref name="existsAsync"/> confirms the competing row is there. Provider-neutral: rather than parsing
    /// each provider's error codes, it asks the database again on a fresh context.
    /// </summary>
    public static async Task<bool> TryInsertAsync<T>(
        this IDbContextFactory<RulesEngineDbContext> factory,
        T entity,
        Func<RulesEngineDbContext, CancellationToken, Task<bool>> existsAsync,
        CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            db.Add(entity);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (await existsAsync(db, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            throw;
        }
    }
}
