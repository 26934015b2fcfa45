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

public abstract partial class RulesEngineDbContext
{
    // Key lengths are bounded so that every unique index fits SQL Server's 1700-byte (900 for clustered) key limit.
    internal const int TenantIdLength = 64;
    internal const int IdLength = 64;
    internal const int NameLength = 200;
    internal const int KeyLength = 256;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Tenant>(e =>
        {
            e.ToTable("Tenants");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(TenantIdLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
        });

        modelBuilder.Entity<ApiToken>(e =>
        {
            e.ToTable("ApiTokens");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.Prefix).HasMaxLength(32);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.TenantId);
        });

        modelBuilder.Entity<Connection>(e =>
        {
            e.ToTable("Connections");
            e.HasKey(x => x.Id);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.Kind).HasMaxLength(64);
            e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
        });

        modelBuilder.Entity<MappingTable>(e =>
        {
            e.ToTable("MappingTables");
            e.HasKey(x => x.Id);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
            e.HasMany(x => x.Rows).WithOne().HasForeignKey(x => x.TableId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MappingRow>(e =>
        {
            e.ToTable("MappingRows");
            e.HasKey(x => x.Id);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.Key).HasMaxLength(KeyLength);
            e.HasIndex(x => new { x.TableId, x.Key }).IsUnique();
            e.HasIndex(x => x.TenantId);
        });

        modelBuilder.Entity<WorkflowDefinition>(e =>
        {
            e.ToTable("WorkflowDefinitions");
            e.HasKey(x => x.Id);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.DefinitionId).HasMaxLength(IdLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.ConcurrencyStamp).HasMaxLength(36).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.DefinitionId }).IsUnique();
        });

        modelBuilder.Entity<WorkflowVersion>(e =>
        {
            e.ToTable("WorkflowVersions");
            e.HasKey(x => x.Id);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.DefinitionId).HasMaxLength(IdLength);
            e.Property(x => x.SavedBy).HasMaxLength(NameLength);
            e.Property(x => x.ConcurrencyStamp).HasMaxLength(36).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.DefinitionId, x.Version }).IsUnique();
        });

        modelBuilder.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("WorkflowInstances");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.DefinitionId).HasMaxLength(IdLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.SubStatus).HasMaxLength(64);
            e.Property(x => x.CorrelationId).HasMaxLength(KeyLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.LeaseOwner).HasMaxLength(NameLength);
            e.Property(x => x.TriggerKind).HasMaxLength(64);

            // The list query filters by tenant (+ definition, + status) and pages newest first by (CreatedAt, Id).
            e.HasIndex(x => new { x.TenantId, x.DefinitionId, x.Status, x.CreatedAt, x.Id });
            e.HasIndex(x => new { x.TenantId, x.Status, x.CreatedAt, x.Id });
            e.HasIndex(x => new { x.TenantId, x.CreatedAt, x.Id });
            e.HasIndex(x => new { x.TenantId, x.CorrelationId });

            // Recovery scans running instances whose lease ran out.
            e.HasIndex(x => new { x.Status, x.LeaseExpiresAt });
        });

        modelBuilder.Entity<Bookmark>(e =>
        {
            e.ToTable("Bookmarks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.ActivityId).HasMaxLength(IdLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.CorrelationId).HasMaxLength(KeyLength);
            e.HasIndex(x => new { x.TenantId, x.Name, x.Hash });
            e.HasIndex(x => new { x.TenantId, x.InstanceId });
            e.HasIndex(x => new { x.TenantId, x.CorrelationId });
            e.HasIndex(x => x.ResumeAt);
        });

        modelBuilder.Entity<JournalEntry>(e =>
        {
            e.ToTable("JournalEntries");
            e.HasKey(x => x.Id);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.DefinitionId).HasMaxLength(IdLength);
            e.Property(x => x.ActivityId).HasMaxLength(IdLength);
            e.Property(x => x.ActivityType).HasMaxLength(NameLength);
            e.Property(x => x.ActivityName).HasMaxLength(NameLength);
            e.Property(x => x.Outcomes).HasMaxLength(1000);
            e.HasIndex(x => new { x.TenantId, x.InstanceId, x.Sequence });
            e.HasIndex(x => new { x.TenantId, x.DefinitionId, x.Id });
            e.HasIndex(x => x.StartedAt);
        });

        modelBuilder.Entity<TriggerIndexEntry>(e =>
        {
            e.ToTable("TriggerIndex");
            e.HasKey(x => x.Id);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.DefinitionId).HasMaxLength(IdLength);
            e.Property(x => x.ActivityId).HasMaxLength(IdLength);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Key).HasMaxLength(KeyLength);
            e.HasIndex(x => new { x.TenantId, x.Kind, x.Key });
            e.HasIndex(x => new { x.TenantId, x.DefinitionId });
            e.HasIndex(x => x.Kind);
        });

        modelBuilder.Entity<WebhookInboxItem>(e =>
        {
            e.ToTable("WebhookInbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.Source).HasMaxLength(NameLength);
            e.Property(x => x.DedupKey).HasMaxLength(KeyLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.LeaseOwner).HasMaxLength(NameLength);

            // The unique index is what makes "insert if new" race-safe across nodes.
            e.HasIndex(x => new { x.TenantId, x.Source, x.DedupKey }).IsUnique();
            e.HasIndex(x => new { x.Status, x.ReceivedAt });
        });

        modelBuilder.Entity<OnceKey>(e =>
        {
            e.ToTable("OnceKeys");
            e.HasKey(x => x.Id);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.Scope).HasMaxLength(NameLength);
            e.Property(x => x.Key).HasMaxLength(KeyLength);
            e.HasIndex(x => new { x.TenantId, x.Scope, x.Key }).IsUnique();
        });

        modelBuilder.Entity<Snapshot>(e =>
        {
            e.ToTable("Snapshots");
            e.HasKey(x => x.Id);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.Scope).HasMaxLength(KeyLength);
            e.HasIndex(x => new { x.TenantId, x.Scope }).IsUnique();
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(x => x.Id);
            e.Property(x => x.TenantId).HasMaxLength(TenantIdLength);
            e.Property(x => x.Actor).HasMaxLength(NameLength);
            e.Property(x => x.Action).HasMaxLength(100);
            e.Property(x => x.Target).HasMaxLength(KeyLength);
            e.HasIndex(x => new { x.TenantId, x.At });
        });

        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("DataProtectionKeys"));
    }
}
