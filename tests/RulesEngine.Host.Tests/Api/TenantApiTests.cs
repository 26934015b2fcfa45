using System.Net;
using System.Text.Json.Nodes;
using RulesEngine.Host.Tests.Api.Support;

namespace RulesEngine.Host.Tests.Api;

public sealed class TenantApiTests(SharedHost shared)
{
    private TestHost Host => shared.Host;

    [Fact]
    public async Task CreateTenant_DuplicateBadIdAndNonAdmin_AnswerProblemsAndTenantSeesOnlyItself()
    {
        var a = await Host.CreateTenantAsync("ten");
        var b = await Host.CreateTenantAsync("ten");

        using var duplicate = await Host.SendAsync(HttpMethod.Post, "/api/tenants", TestHost.AdminToken, new { id = a.Id, name = "Again" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        duplicate.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var conflict = JsonNode.Parse(await duplicate.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        conflict["type"]!.GetValue<string>().ShouldEndWith("/conflict");

        using var badId = await Host.SendAsync(HttpMethod.Post, "/api/tenants", TestHost.AdminToken, new { id = "Bad_Id!", name = "x" });
        badId.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var invalid = JsonNode.Parse(await badId.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        invalid["errors"]!["id"].ShouldNotBeNull();

        using var byTenant = await Host.SendAsync(HttpMethod.Post, "/api/tenants", a.Token, new { id = "sneaky", name = "x" });
        byTenant.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var anonymous = await Host.SendAsync(HttpMethod.Get, "/api/tenants", token: null);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var ownList = await Host.SendAsync(HttpMethod.Get, "/api/tenants", a.Token);
        var own = JsonNode.Parse(await ownList.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsArray();
        own.Select(t => t!["id"]!.GetValue<string>()).ShouldBe([a.Id]);

        using var allList = await Host.SendAsync(HttpMethod.Get, "/api/tenants", TestHost.AdminToken);
        var all = JsonNode.Parse(await allList.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsArray();
        all.Select(t => t!["id"]!.GetValue<string>()).ShouldContain(a.Id);
        all.Select(t => t!["id"]!.GetValue<string>()).ShouldContain(b.Id);

        // The admin reaches every tenant, but not one that does not exist (no orphan rows).
        using var ghost = await Host.SendAsync(HttpMethod.Put, "/api/tenants/ghost-tenant/mappings/m", TestHost.AdminToken, new { rows = Array.Empty<object>() });
        ghost.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tokens_IssueListRevoke_ListNeverShowsTokenAndRevokedTokenStopsWorking()
    {
        var tenant = await Host.CreateTenantAsync();
        var issued = await tenant.JsonAsync(HttpMethod.Post, "tokens", new { name = "designer" }, expected: 201);
        var token = issued["token"]!.GetValue<string>();
        var id = issued["id"]!.GetValue<string>();
        issued["name"]!.GetValue<string>().ShouldBe("designer");

        var list = await tenant.TextAsync(HttpMethod.Get, "tokens");
        list.ShouldContain(id);
        list.ShouldNotContain(token);
        list.ShouldNotContain(tenant.Token);

        using (var works = await Host.SendAsync(HttpMethod.Get, $"/api/tenants/{tenant.Id}/workflows", token))
        {
            works.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await tenant.TextAsync(HttpMethod.Delete, $"tokens/{id}", expected: 204);
        using (var revoked = await Host.SendAsync(HttpMethod.Get, $"/api/tenants/{tenant.Id}/workflows", token))
        {
            revoked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        await tenant.TextAsync(HttpMethod.Delete, "tokens/no-such-token", expected: 404);
        var audit = await tenant.TextAsync(HttpMethod.Get, "audit");
        audit.ShouldContain("token.issued");
        audit.ShouldContain("token.revoked");
        audit.ShouldContain("tenant.created");
        audit.ShouldNotContain(token);
    }
}
