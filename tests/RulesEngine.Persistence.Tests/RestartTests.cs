using RulesEngine.Persistence.Connections;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Mappings;
using RulesEngine.Persistence.Tenants;
using RulesEngine.Persistence.Tokens;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Persistence.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task NewServiceProvider_OnTheSameSqliteFile_KeepsEverythingAndStillDecryptsSecrets()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var tenant = Some.TenantId();
        var id = Some.DefinitionId();

        await db.Get<ITenantStore>().CreateAsync(tenant, "Acme", ct);
        var token = await db.Get<IApiTokenStore>().IssueAsync(tenant, "ci", ct);
        await db.Get<IConnectionStore>().UpsertAsync(tenant, "sr", new ConnectionUpdate { Kind = "smartrecruiters", Secrets = new Dictionary<string, string?> { ["apiKey"] = "s3cret" } }, ct);
        await db.Get<IMappingTableStore>().UpsertTableAsync(tenant, "stages", null, ct);
        await db.Get<IMappingTableStore>().SetRowAsync(tenant, "stages", "NEW", "Lead", ct);
        await db.Get<IWorkflowDefinitionStore>().CreateAsync(tenant, new NewWorkflowDefinition(id, "W", null, Some.WorkflowJson("a"), "alice"), ct);
        await db.Get<IWorkflowDefinitionStore>().PublishAsync(tenant, id, cancellationToken: ct);
        var instance = await db.Get<IWorkflowInstanceStore>().CreateAsync(new WorkflowInstance { Id = string.Empty, TenantId = tenant, DefinitionId = id, Version = 1, Status = WorkflowStatus.Suspended, StateJson = "{\"k\":1}" }, ct);

        await db.RestartAsync();

        (await db.Get<ITenantStore>().GetAsync(tenant, ct))!.Name.ShouldBe("Acme");
        (await db.Get<IApiTokenStore>().ValidateAsync(token.Plaintext, ct))!.TenantId.ShouldBe(tenant);
        (await db.Get<IConnectionSecretsReader>().GetAsync(tenant, "sr", ct))!.Secrets["apiKey"].ShouldBe("s3cret");
        (await db.Get<IMappingTableStore>().GetRowsAsync(tenant, "stages", ct))!["NEW"].ShouldBe("Lead");
        (await db.Get<IWorkflowDefinitionStore>().GetPublishedVersionAsync(tenant, id, ct))!.Version.ShouldBe(1);
        (await db.Get<IWorkflowInstanceStore>().GetAsync(tenant, instance.Id, ct))!.StateJson.ShouldBe("{\"k\":1}");
        await using var raw = db.CreateContext();
        raw.DataProtectionKeys.Count().ShouldBe(1); // the key ring lives in the database, so secrets survive restarts
    }
}
