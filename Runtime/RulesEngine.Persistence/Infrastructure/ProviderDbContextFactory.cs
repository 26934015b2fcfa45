using Microsoft.EntityFrameworkCore;

namespace RulesEngine.Persistence.Infrastructure;

/// <summary>Exposes the pooled factory of the configured provider's context as a factory of the base context.</summary>
internal sealed class ProviderDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<RulesEngineDbContext>
    where TContext : RulesEngineDbContext
{
    public RulesEngineDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<RulesEngineDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        => await inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
