using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Connections;

namespace RulesEngine.Persistence.Tests.Connections;

public sealed class ConnectionStoreTests
{
    private const string Secret = "sr-api-key-7f3c9a1e5d";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task UpsertAsync_Secrets_AreEncryptedAtRestMaskedOnReadAndDecryptableForTheRuntime(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IConnectionStore>();
        var tenant = Some.TenantId();

        var info = await store.UpsertAsync(tenant, "sr", new ConnectionUpdate
        {
            Kind = "smartrecruiters",
            Settings = new Dictionary<string, string> { ["companyId"] = "Acme1" },
            Secrets = new Dictionary<string, string?> { ["apiKey"] = Secret },
        }, ct);

        info.Settings["companyId"].ShouldBe("Acme1");
        info.Secrets.ShouldBe(new Dictionary<string, string> { ["apiKey"] = ConnectionInfo.Mask });

        // The raw row holds neither the secret nor anything that contains it.
        await using (var raw = db.CreateContext())
        {
            var row = await raw.Connections.SingleAsync(c => c.TenantId == tenant, ct);
            row.SecretsCipher.ShouldNotBeNull();
            row.SecretsCipher.ShouldNotContain(Secret);
            row.SettingsJson.ShouldNotContain(Secret);
        }

        (await store.GetAsync(tenant, "sr", ct))!.Secrets["apiKey"].ShouldBe(ConnectionInfo.Mask);
        (await store.ListAsync(tenant, ct)).Single().ToString().ShouldNotContain(Secret);

        var secrets = (await db.Get<IConnectionSecretsReader>().GetAsync(tenant, "sr", ct)).ShouldNotBeNull();
        secrets.Secrets["apiKey"].ShouldBe(Secret);
        secrets.Settings["companyId"].ShouldBe("Acme1");
        secrets.ToString().ShouldNotContain(Secret);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task UpsertAsync_PartialSecrets_MergeIntoStoredOnes(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IConnectionStore>();
        var reader = db.Get<IConnectionSecretsReader>();
        var tenant = Some.TenantId();
        await store.UpsertAsync(tenant, "sr", new ConnectionUpdate { Kind = "smartrecruiters", Secrets = new Dictionary<string, string?> { ["apiKey"] = "k1", ["webhookSecret"] = "w1" } }, ct);

        await store.UpsertAsync(tenant, "sr", new ConnectionUpdate { Kind = "smartrecruiters", Secrets = null }, ct);
        (await reader.GetAsync(tenant, "sr", ct))!.Secrets.Count.ShouldBe(2);

        await store.UpsertAsync(tenant, "sr", new ConnectionUpdate { Kind = "smartrecruiters", Secrets = new Dictionary<string, string?> { ["apiKey"] = "k2", ["webhookSecret"] = null } }, ct);
        (await reader.GetAsync(tenant, "sr", ct))!.Secrets.ShouldBe(new Dictionary<string, string> { ["apiKey"] = "k2" });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Reads_OfAnotherTenant_NeverSeeTheConnection(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IConnectionStore>();
        var (a, b) = (Some.TenantId(), Some.TenantId());
        await store.UpsertAsync(a, "sr", new ConnectionUpdate { Kind = "smartrecruiters", Secrets = new Dictionary<string, string?> { ["apiKey"] = Secret } }, ct);

        (await store.GetAsync(b, "sr", ct)).ShouldBeNull();
        (await store.ListAsync(b, ct)).ShouldBeEmpty();
        (await db.Get<IConnectionSecretsReader>().GetAsync(b, "sr", ct)).ShouldBeNull();
        (await store.DeleteAsync(b, "sr", ct)).ShouldBeFalse();
        (await store.DeleteAsync(a, "sr", ct)).ShouldBeTrue();
    }
}
