using System.Text;
using System.Text.Json.Nodes;
using RulesEngine.Host.Tests.Api.Support;

namespace RulesEngine.Host.Tests.Api;

public sealed class MappingAndScriptApiTests(SharedHost shared)
{
    private TestHost Host => shared.Host;

    [Fact]
    public async Task Mappings_PutGetImportDelete_CsvErrorNamesLineAndStoresNothing()
    {
        var tenant = await Host.CreateTenantAsync();

        var put = await tenant.JsonAsync(HttpMethod.Put, "mappings/stages", new { rows = new[] { new { key = "NEW", value = "Lead, new" }, new { key = "HIRED", value = "Won" } } });
        put["rows"]!.AsArray().Count.ShouldBe(2);
        var get = await tenant.JsonAsync(HttpMethod.Get, "mappings/stages");
        get["rows"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == "NEW")!["value"]!.GetValue<string>().ShouldBe("Lead, new");

        using var bad = new StringContent("key,value\nA,1\nB\n", Encoding.UTF8, "text/csv");
        var problem = await tenant.JsonAsync(HttpMethod.Post, "mappings/stages/import", bad, expected: 400);
        problem["errors"]!["line 3"].ShouldNotBeNull(problem.ToJsonString());
        (await tenant.JsonAsync(HttpMethod.Get, "mappings/stages"))["rows"]!.AsArray().Count.ShouldBe(2);

        using var good = new StringContent("key,value\nA,1\n\"B,2\",\"two \"\"quoted\"\"\"\n", Encoding.UTF8, "text/csv");
        var imported = await tenant.JsonAsync(HttpMethod.Post, "mappings/stages/import", good);
        imported["rows"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()).ShouldBe(["A", "B,2"]);
        imported["rows"]![1]!["value"]!.GetValue<string>().ShouldBe("two \"quoted\"");

        var duplicate = await tenant.JsonAsync(HttpMethod.Put, "mappings/stages", new { rows = new[] { new { key = "X", value = "1" }, new { key = "X", value = "2" } } }, expected: 400);
        duplicate["errors"]!["rows[1].key"].ShouldNotBeNull();

        var list = (await tenant.JsonAsync(HttpMethod.Get, "mappings")).AsArray().Single()!;
        list["name"]!.GetValue<string>().ShouldBe("stages");
        list["rowCount"]!.GetValue<int>().ShouldBe(2);

        await tenant.TextAsync(HttpMethod.Delete, "mappings/stages", expected: 204);
        await tenant.TextAsync(HttpMethod.Get, "mappings/stages", expected: 404);
        var actions = (await tenant.JsonAsync(HttpMethod.Get, "audit")).AsArray().Select(a => a!["action"]!.GetValue<string>()).ToList();
        actions.Count(a => a == "mapping.changed").ShouldBe(2);
        actions.ShouldContain("mapping.deleted");
    }

    [Fact]
    public async Task ScriptsCheck_CompileErrorAndUnknownType_DiagnosticsByActivityInputAndLine_SecondCheckFast()
    {
        var tenant = await Host.CreateTenantAsync();
        var body = new JsonObject { ["definition"] = Workflows.Broken("check") };

        using (var anonymous = await Host.SendAsync(HttpMethod.Post, "/api/scripts/check", token: null, body))
        {
            ((int)anonymous.StatusCode).ShouldBe(401);
        }

        using var first = await Host.SendAsync(HttpMethod.Post, "/api/scripts/check", tenant.Token, body);
        var result = JsonNode.Parse(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var diagnostics = result["diagnostics"]!.AsArray();
        var compile = diagnostics.Single(d => d!["code"]!.GetValue<string>() == "compile-error")!;
        compile["activityId"]!.GetValue<string>().ShouldBe("calc");
        compile["inputName"]!.GetValue<string>().ShouldBe("text", StringCompareShould.IgnoreCase);
        compile["line"]!.GetValue<int>().ShouldBe(2);
        compile["severity"]!.GetValue<string>().ShouldBe("error");
        diagnostics.ShouldContain(d => d!["code"]!.GetValue<string>() == "unknown-type" && d["activityId"]!.GetValue<string>() == "mystery");

        // A second check of the unchanged workflow comes from the compile cache and must say the same.
        using var second = await Host.SendAsync(HttpMethod.Post, "/api/scripts/check", tenant.Token, body);
        ((int)second.StatusCode).ShouldBe(200);
        var again = JsonNode.Parse(await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["diagnostics"]!.AsArray();
        again.Select(d => d!["code"]!.GetValue<string>()).OrderBy(c => c).ShouldBe(diagnostics.Select(d => d!["code"]!.GetValue<string>()).OrderBy(c => c));

        var ok = await Host.SendAsync(HttpMethod.Post, "/api/scripts/check", tenant.Token, new JsonObject { ["definition"] = Workflows.Timed("fine") });
        JsonNode.Parse(await ok.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["diagnostics"]!.AsArray().ShouldBeEmpty();
    }
}
