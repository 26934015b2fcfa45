using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Tokens;

namespace RulesEngine.Persistence.Tests.Tokens;

public sealed class ApiTokenStoreTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task IssueAsync_StoresOnlyTheHash_ValidatesUntilRevoked(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IApiTokenStore>();
        var tenant = Some.TenantId();

        var issued = await store.IssueAsync(tenant, "ci", ct);
        issued.Plaintext.Length.ShouldBeGreaterThan(40);
        issued.Plaintext.ShouldStartWith(issued.Token.Prefix);
        issued.ToString().ShouldNotContain(issued.Plaintext);

        await using (var raw = db.CreateContext())
        {
            var row = await raw.ApiTokens.SingleAsync(t => t.Id == issued.Token.Id, ct);
            row.TokenHash.ShouldNotBe(issued.Plaintext);
            row.TokenHash.Length.ShouldBe(64);
            row.TokenHash.ShouldNotContain(issued.Plaintext[4..]);
        }

        var validated = (await store.ValidateAsync(issued.Plaintext, ct)).ShouldNotBeNull();
        validated.TenantId.ShouldBe(tenant);
        validated.LastUsedAt.ShouldBe(db.Time.GetUtcNow());
        (await store.ValidateAsync(issued.Plaintext + "x", ct)).ShouldBeNull();
        (await store.ListAsync(tenant, ct)).ShouldHaveSingleItem().Id.ShouldBe(issued.Token.Id);
        (await store.ListAsync(null, ct)).ShouldBeEmpty();

        (await store.RevokeAsync(Some.TenantId(), issued.Token.Id, ct)).ShouldBeFalse(); // another tenant cannot revoke it
        (await store.RevokeAsync(tenant, issued.Token.Id, ct)).ShouldBeTrue();
        (await store.ValidateAsync(issued.Plaintext, ct)).ShouldBeNull();

        var platform = await store.IssueAsync(null, "admin", ct);
        (await store.ValidateAsync(platform.Plaintext, ct))!.TenantId.ShouldBeNull();
        (await store.ListAsync(null, ct)).ShouldHaveSingleItem();
    }
}
