using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RulesEngine.Host.Tests.Api.Support;

namespace RulesEngine.Host.Tests.Api;

public sealed class IsolationAndRestartTests(SharedHost shared)
{
    [Fact]
    public async Task EveryTenantRoute_OtherTenantsToken_404AndNothingChanges()
    {
        var host = shared.Host;
        var a = await host.CreateTenantAsync("a");
        var b = await host.CreateTenantAsync("b");
        await a.JsonAsync(HttpMethod.Post, "workflows", Workflows.Timed("Secret plan", "plan"), expected: 201);
        await a.JsonAsync(HttpMethod.Post, "workflows/plan/publish");
        await a.TextAsync(HttpMethod.Put, "connections/sr", new { kind = "http", settings = new { baseUrl = "http://127.0.0.1:9/" } });
        await a.TextAsync(HttpMethod.Put, "mappings/m", new { rows = new[] { new { key = "k", value = "v" } } });
        var tokenId = (await a.JsonAsync(HttpMethod.Get, "tokens")).AsArray()[0]!["id"]!.GetValue<string>();
        var workflow = Workflows.Timed("Hijack", "plan");

        (HttpMethod Method, string Path, object? Body)[] routes =
        [
            (HttpMethod.Get, "workflows", null),
            (HttpMethod.Post, "workflows", workflow),
            (HttpMethod.Post, "workflows/import", new JsonArray(workflow.DeepClone())),
            (HttpMethod.Get, "workflows/plan", null),
            (HttpMethod.Put, "workflows/plan", new JsonObject { ["definition"] = workflow.DeepClone(), ["concurrencyStamp"] = "x" }),
            (HttpMethod.Delete, "workflows/plan", null),
            (HttpMethod.Get, "workflows/plan/versions", null),
            (HttpMethod.Get, "workflows/plan/versions/1", null),
            (HttpMethod.Post, "workflows/plan/publish", null),
            (HttpMethod.Post, "workflows/plan/retract", null),
            (HttpMethod.Post, "workflows/plan/rollback", new { version = 1 }),
            (HttpMethod.Get, "workflows/plan/export", null),
            (HttpMethod.Post, "workflows/plan/run", new { }),
            (HttpMethod.Get, "instances", null),
            (HttpMethod.Get, "instances/some-id", null),
            (HttpMethod.Get, "connections", null),
            (HttpMethod.Get, "connections/sr", null),
            (HttpMethod.Put, "connections/sr", new { kind = "http", settings = new { baseUrl = "http://evil.example/" } }),
            (HttpMethod.Delete, "connections/sr", null),
            (HttpMethod.Post, "connections/sr/test", null),
            (HttpMethod.Get, "mappings", null),
            (HttpMethod.Get, "mappings/m", null),
            (HttpMethod.Put, "mappings/m", new { rows = Array.Empty<object>() }),
            (HttpMethod.Post, "mappings/m/import", new StringContent("k,evil", Encoding.UTF8, "text/csv")),
            (HttpMethod.Delete, "mappings/m", null),
            (HttpMethod.Get, "audit", null),
            (HttpMethod.Get, "tokens", null),
            (HttpMethod.Post, "tokens", new { name = "stolen" }),
            (HttpMethod.Delete, $"tokens/{tokenId}", null),
        ];

        foreach (var (method, path, body) in routes)
        {
            using var response = await host.SendAsync(method, $"/api/tenants/{a.Id}/{path}", b.Token, body);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {path}");
        }

        (await a.JsonAsync(HttpMethod.Get, "workflows/plan"))["isPublished"]!.GetValue<bool>().ShouldBeTrue();
        (await a.JsonAsync(HttpMethod.Get, "connections/sr"))["settings"]!["baseUrl"]!.GetValue<string>().ShouldBe("http://127.0.0.1:9/");
        (await a.JsonAsync(HttpMethod.Get, "mappings/m"))["rows"]!.AsArray().Single()!["value"]!.GetValue<string>().ShouldBe("v");
        (await a.JsonAsync(HttpMethod.Get, "tokens")).AsArray().Count.ShouldBe(1);
        (await b.JsonAsync(HttpMethod.Get, "workflows")).AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Restart_SameSqliteFile_KeepsTenantsTokensWorkflowsMappingsAndDecryptsSecrets()
    {
        const string apiKey = "restart-key-SECRET-41";
        var folder = TestHost.NewTempFolder();
        await using var sr = await FakeSmartRecruiters.StartAsync(apiKey);
        TestTenant before;
        await using (var first = await TestHost.StartSqliteAsync(folder))
        {
            before = await first.CreateTenantAsync("restart");
            await before.JsonAsync(HttpMethod.Post, "workflows", Workflows.Timed("Kept", "kept"), expected: 201);
            await before.JsonAsync(HttpMethod.Post, "workflows/kept/publish");
            await before.TextAsync(HttpMethod.Put, "connections/sr", new { kind = "smartrecruiters", settings = new { baseUrl = sr.BaseUrl }, secrets = new { apiKey } });
            await before.TextAsync(HttpMethod.Put, "mappings/m", new { rows = new[] { new { key = "k", value = "v" } } });
        }

        try
        {
            await using var second = await TestHost.StartSqliteAsync(folder);
            var after = before with { Host = second };

            var workflow = await after.JsonAsync(HttpMethod.Get, "workflows/kept");
            workflow["isPublished"]!.GetValue<bool>().ShouldBeTrue();
            (await after.JsonAsync(HttpMethod.Get, "mappings/m"))["rows"]!.AsArray().Count.ShouldBe(1);
            var test = await after.JsonAsync(HttpMethod.Post, "connections/sr/test");
            test["ok"]!.GetValue<bool>().ShouldBeTrue(test.ToJsonString());
            (await after.JsonAsync(HttpMethod.Get, "audit")).AsArray().Count.ShouldBeGreaterThanOrEqualTo(5);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
