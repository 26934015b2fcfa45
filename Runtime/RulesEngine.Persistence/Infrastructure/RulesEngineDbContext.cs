using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Audit;
using RulesEngine.Persistence.Bookmarks;
using RulesEngine.Persistence.Connections;
using RulesEngine.Persistence.Inbox;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Journal;
using RulesEngine.Persistence.Mappings;
using RulesEngine.Persistence.OnceKeys;
using RulesEngine.Persistence.Snapshots;
using RulesEngine.Persistence.Tenants;
using RulesEngine.Persistence.Tokens;
using RulesEngine.Persistence.Triggers;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Persistence.Infrastructure;

/// <summary>
/// The runtime's database. Abstract because EF Core migrations are provider-specific: each provider has a
/// subclass (<see cref="SqliteRulesEngineDbContext"/>, <see cref="PostgreSqlRulesEngineDbContext"/>,
/// <see cref="SqlServerRulesEngineDbContext"/>) that owns its own migrations folder.
/// Every tenant-owned table carries TenantId and the stores always filter by it.
/// </summary>
public abstract partial class RulesEngineDbContext : DbContext, IDataProtectionKeyContext
{
    protected RulesEngineDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Connection> Connections => Set<Connection>();

    public DbSet<MappingTable> MappingTables => Set<MappingTable>();

    public DbSet<MappingRow> MappingRows => Set<MappingRow>();

    public DbSet<WorkflowDefinition> WorkflowDefinitions => Set<WorkflowDefinition>();

    public DbSet<WorkflowVersion> WorkflowVersions => Set<WorkflowVersion>();

    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();

    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();

    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();

    public DbSet<TriggerIndexEntry> TriggerIndex => Set<TriggerIndexEntry>();

    public DbSet<WebhookInboxItem> WebhookInbox => Set<WebhookInboxItem>();

    public DbSet<OnceKey> OnceKeys => Set<OnceKey>();

    public DbSet<Snapshot> Snapshots => Set<Snapshot>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The ASP.NET Core Data Protection key ring (<c>PersistKeysToDbContext&lt;RulesEngineDbContext&gt;()</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
