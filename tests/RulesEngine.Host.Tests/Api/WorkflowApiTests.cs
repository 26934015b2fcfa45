using System.Net;
using System.Text.Json.Nodes;
using RulesEngine.Host.Tests.Api.Support;

namespace RulesEngine.Host.Tests.Api;

public sealed class WorkflowApiTests(SharedHost shared)
{
    private TestHost Host => shared.Host;

    [Fact]
    public async Task Create_NoDefinitionId_SlugOfNameAndNormalisedJsonWithStoreColumns()
    {
        var tenant = await Host.CreateTenantAsync();

        var created = await tenant.JsonAsync(HttpMethod.Post, "workflows", Workflows.Timed("Nightly Job Sync!"), expected: 201);

        created["version"]!.GetValue<int>().ShouldBe(1);
        created["isPublished"]!.GetValue<bool>().ShouldBeFalse();
        created["isLatest"]!.GetValue<bool>().ShouldBeTrue();
        created["publishedVersion"].ShouldBeNull();
        created["savedBy"]!.GetValue<string>().ShouldBe("tests");
        var definition = created["definition"]!;
        definition["definitionId"]!.GetValue<string>().ShouldBe("nightly-job-sync");
        definition["tenantId"]!.GetValue<string>().ShouldBe(tenant.Id);
        definition["root"]!["activities"]!.AsArray().Count.ShouldBe(2);

        // The same name again gets a free slug rather than a conflict; an explicit taken id is a conflict.
        var second = await tenant.JsonAsync(HttpMethod.Post, "workflows", Workflows.Timed("Nightly Job Sync!"), expected: 201);
        second["definition"]!["definitionId"]!.GetValue<string>().ShouldBe("nightly-job-sync-2");
        var conflict = await tenant.JsonAsync(HttpMethod.Post, "workflows", Workflows.Timed("x", "nightly-job-sync"), expected: 409);
        conflict["type"]!.GetValue<string>().ShouldEndWith("/conflict");
    }

    [Fact]
    public async Task Create_MalformedJson_400InvalidJsonNamingLineAndPosition()
    {
        var tenant = await Host.CreateTenantAsync();

        var problem = await tenant.JsonAsync(HttpMethod.Post, "workflows", "{\n  \"name\": \"x\",\n  \"root\": {\"id\": }\n}", expected: 400);

        problem["type"]!.GetValue<string>().ShouldEndWith("/invalid-json");
        problem["detail"]!.GetValue<string>().ShouldContain("line 3");
        problem["line"]!.GetValue<int>().ShouldBe(3);
        (await tenant.JsonAsync(HttpMethod.Get, "workflows")).AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task VersionLifecycle_SavePublishRollbackRetractRunExportDelete(string provider)
    {
        await using var host = provider == "Sqlite" ? null : await TestHost.StartAsync(provider);
        var tenant = await (host ?? Host).CreateTenantAsync();
        var indexer = (host ?? Host).Indexer;
        var dispatcher = (host ?? Host).Dispatcher;

        var v1 = await tenant.JsonAsync(HttpMethod.Post, "workflows", Workflows.Timed("Sync", "sync", text: "one"), expected: 201);

        // Running a workflow that was never published is refused by the dispatcher.
        var notRunnable = await tenant.JsonAsync(HttpMethod.Post, "workflows/sync/run", new { }, expected: 409);
        notRunnable["type"]!.GetValue<string>().ShouldEndWith("/not-runnable");

        // Saving a draft overwrites it in place with a new stamp.
        var saved = await tenant.JsonAsync(HttpMethod.Put, "workflows/sync", new JsonObject
        {
            ["definition"] = Workflows.Timed("Sync", "sync", text: "one again"),
            ["concurrencyStamp"] = v1["concurrencyStamp"]!.GetValue<string>(),
        });
        saved["version"]!.GetValue<int>().ShouldBe(1);
        saved["concurrencyStamp"]!.GetValue<string>().ShouldNotBe(v1["concurrencyStamp"]!.GetValue<string>());

        var published = await tenant.JsonAsync(HttpMethod.Post, "workflows/sync/publish");
        published["isPublished"]!.GetValue<bool>().ShouldBeTrue();
        published["publishedVersion"]!.GetValue<int>().ShouldBe(1);
        published["definition"]!["isPublished"]!.GetValue<bool>().ShouldBeTrue();
        var indexed = indexer.Last(tenant.Id, "sync");
        indexed.Published.ShouldNotBeNull();
        indexed.Published.Definition.Version.ShouldBe(1);

        // Saving the published latest version creates draft v2; the published version stays 1.
        var v2 = await tenant.JsonAsync(HttpMethod.Put, "workflows/sync", new JsonObject
        {
            ["definition"] = Workflows.Timed("Sync", "sync", text: "two"),
            ["concurrencyStamp"] = published["concurrencyStamp"]!.GetValue<string>(),
        });
        v2["version"]!.GetValue<int>().ShouldBe(2);
        v2["isPublished"]!.GetValue<bool>().ShouldBeFalse();
        v2["publishedVersion"]!.GetValue<int>().ShouldBe(1);

        await tenant.JsonAsync(HttpMethod.Post, "workflows/sync/publish");
        var rolledBack = await tenant.JsonAsync(HttpMethod.Post, "workflows/sync/rollback", new { version = 1 });
        rolledBack["version"]!.GetValue<int>().ShouldBe(3);
        rolledBack["isPublished"]!.GetValue<bool>().ShouldBeTrue();
        rolledBack["definition"]!["root"]!.ToJsonString().ShouldContain("one again");
        indexer.Last(tenant.Id, "sync").Published!.Definition.Version.ShouldBe(3);
        await tenant.JsonAsync(HttpMethod.Post, "workflows/sync/rollback", new { version = 42 }, expected: 404);

        var versions = (await tenant.JsonAsync(HttpMethod.Get, "workflows/sync/versions")).AsArray();
        versions.Select(v => v!["version"]!.GetValue<int>()).ShouldBe([3, 2, 1]);
        versions[0]!["isPublished"]!.GetValue<bool>().ShouldBeTrue();
        versions[1]!["publishedAt"].ShouldNotBeNull();
        (await tenant.JsonAsync(HttpMethod.Get, "workflows/sync/versions/2"))["definition"]!["root"]!.ToJsonString().ShouldContain("two");

        var run = await tenant.JsonAsync(HttpMethod.Post, "workflows/sync/run", new { input = new { count = 3, who = "me" }, payload = new { candidateId = "c1" } }, expected: 202);
        var queued = dispatcher.Queued.Single(q => q.InstanceId == run["instanceId"]!.GetValue<string>());
        queued.Request.Input!["who"].ShouldBe("me");
        queued.Request.Input!["count"].ShouldBe(3L);
        queued.Request.Body!["candidateId"]!.GetValue<string>().ShouldBe("c1");

        var summary = (await tenant.JsonAsync(HttpMethod.Get, "workflows")).AsArray().Single()!;
        summary["status"]!.GetValue<string>().ShouldBe("Published");
        summary["publishedVersion"]!.GetValue<int>().ShouldBe(3);
        summary["latestVersion"]!.GetValue<int>().ShouldBe(3);
        var trigger = summary["triggers"]!.AsArray().Single()!;
        trigger["activityId"]!.GetValue<string>().ShouldBe("timer1");
        trigger["type"]!.GetValue<string>().ShouldBe("Elsa.Timer");
        trigger["summary"]!.GetValue<string>().ShouldBe("00:05:00");

        var retracted = await tenant.JsonAsync(HttpMethod.Post, "workflows/sync/retract");
        retracted["isPublished"]!.GetValue<bool>().ShouldBeFalse();
        indexer.Last(tenant.Id, "sync").Published.ShouldBeNull();
        (await tenant.JsonAsync(HttpMethod.Get, "workflows")).AsArray().Single()!["status"]!.GetValue<string>().ShouldBe("Retracted");

        using (var export = await tenant.SendAsync(HttpMethod.Get, "workflows/sync/export?version=2"))
        {
            export.StatusCode.ShouldBe(HttpStatusCode.OK);
            export.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            export.Content.Headers.ContentDisposition.FileName!.ShouldContain("sync.v2.json");
            var file = JsonNode.Parse(await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
            file["version"]!.GetValue<int>().ShouldBe(2);
            file["definitionId"]!.GetValue<string>().ShouldBe("sync");
            file["tenantId"].ShouldBeNull();
        }

        await tenant.TextAsync(HttpMethod.Delete, "workflows/sync", expected: 204);
        indexer.Last(tenant.Id, "sync").Published.ShouldBeNull();
        await tenant.TextAsync(HttpMethod.Get, "workflows/sync", expected: 404);

        var actions = (await tenant.JsonAsync(HttpMethod.Get, "audit?max=50")).AsArray().Select(a => a!["action"]!.GetValue<string>()).ToList();
        actions.ShouldBe(
            ["workflow.deleted", "workflow.retracted", "workflow.rolled-back", "workflow.published", "workflow.saved", "workflow.published", "workflow.saved",
             "workflow.created", "token.issued", "tenant.created"]);
        var page = (await tenant.JsonAsync(HttpMethod.Get, "audit?max=3")).AsArray();
        page.Count.ShouldBe(3);
        var before = Uri.EscapeDataString(page[2]!["at"]!.GetValue<string>());
        (await tenant.JsonAsync(HttpMethod.Get, $"audit?max=50&before={before}")).AsArray().Count.ShouldBe(7);

        // The other stores on the same provider: connections (with encrypted secrets) and mapping tables.
        await tenant.TextAsync(HttpMethod.Put, "connections/sr", new { kind = "smartrecruiters", settings = new { baseUrl = "https://api.smartrecruiters.com" }, secrets = new { apiKey = "k-SECRET" } });
        var connection = await tenant.TextAsync(HttpMethod.Get, "connections/sr");
        connection.ShouldContain("\"hasValue\":true");
        connection.ShouldNotContain("k-SECRET");
        using var csv = new StringContent("key,value\nNEW,Lead\n", System.Text.Encoding.UTF8, "text/csv");
        await tenant.TextAsync(HttpMethod.Post, "mappings/stages/import", csv);
        (await tenant.JsonAsync(HttpMethod.Get, "mappings")).AsArray().Single()!["rowCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task OpenApi_DocumentDescribesTheManagementOperations()
    {
        using var response = await Host.SendAsync(HttpMethod.Get, "/openapi/v1.json", token: null);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(200, text);
        var paths = JsonNode.Parse(text)!["paths"]!.AsObject();
        foreach (var path in new[] { "/api/tenants", "/api/tenants/{tenantId}/workflows/{definitionId}/publish", "/api/tenants/{tenantId}/connections/{name}/test",
                     "/api/tenants/{tenantId}/mappings/{name}/import", "/api/scripts/check", "/api/tenants/{tenantId}/audit" })
        {
            paths.ContainsKey(path).ShouldBeTrue(path);
        }
    }

    [Fact]
    public async Task Save_StaleStamp_409WithCurrentVersionAndNothingWritten()
    {
        var tenant = await Host.CreateTenantAsync();
        var v1 = await tenant.JsonAsync(HttpMethod.Post, "workflows", Workflows.Timed("Stale", "stale"), expected: 201);
        var stamp = v1["concurrencyStamp"]!.GetValue<string>();
        var first = await tenant.JsonAsync(HttpMethod.Put, "workflows/stale", new JsonObject { ["definition"] = Workflows.Timed("Stale", "stale", text: "alice"), ["concurrencyStamp"] = stamp });

        var conflict = await tenant.JsonAsync(HttpMethod.Put, "workflows/stale", new JsonObject { ["definition"] = Workflows.Timed("Stale", "stale", text: "bob"), ["concurrencyStamp"] = stamp }, expected: 409);

        conflict["type"]!.GetValue<string>().ShouldEndWith("/conflict");
        conflict["current"]!["concurrencyStamp"]!.GetValue<string>().ShouldBe(first["concurrencyStamp"]!.GetValue<string>());
        conflict["current"]!["definition"]!["root"]!.ToJsonString().ShouldContain("alice");
        (await tenant.TextAsync(HttpMethod.Get, "workflows/stale")).ShouldNotContain("bob");

        var missingStamp = await tenant.JsonAsync(HttpMethod.Put, "workflows/stale", new JsonObject { ["definition"] = Workflows.Timed("Stale", "stale") }, expected: 400);
        missingStamp["errors"]!["concurrencyStamp"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Publish_UnknownTypeAndCompileError_400WorkflowInvalidNamingActivityInputAndLine()
    {
        var tenant = await Host.CreateTenantAsync();
        await tenant.JsonAsync(HttpMethod.Post, "workflows", Workflows.Broken("broken"), expected: 201);

        var problem = await tenant.JsonAsync(HttpMethod.Post, "workflows/broken/publish", expected: 400);

        problem["type"]!.GetValue<string>().ShouldEndWith("/workflow-invalid");
        var errors = problem["errors"]!.AsArray();
        var unknown = errors.Single(e => e!["code"]!.GetValue<string>() == "unknown-type")!;
        unknown["activityId"]!.GetValue<string>().ShouldBe("mystery");
        unknown["activityName"]!.GetValue<string>().ShouldBe("Mystery");
        unknown["activityType"]!.GetValue<string>().ShouldBe("Acme.DoesNotExist");
        var compile = errors.Single(e => e!["code"]!.GetValue<string>() == "compile-error")!;
        compile["activityId"]!.GetValue<string>().ShouldBe("calc");
        compile["input"]!.GetValue<string>().ShouldBe("text", StringCompareShould.IgnoreCase);
        compile["line"]!.GetValue<int>().ShouldBe(2);
        compile["message"]!.GetValue<string>().ShouldContain("NoSuchMember");
        (await tenant.JsonAsync(HttpMethod.Get, "workflows/broken"))["isPublished"]!.GetValue<bool>().ShouldBeFalse();
        Host.Indexer.Calls.ShouldNotContain(c => c.TenantId == tenant.Id);
    }

    [Fact]
    public async Task Import_MalformedJsonOrOneBadItem_StoresNothingAndSaysWhich()
    {
        var tenant = await Host.CreateTenantAsync();

        var malformed = await tenant.JsonAsync(HttpMethod.Post, "workflows/import", "[\n" + Workflows.Timed("A", "a").ToJsonString() + ",\n {\"name\": }\n]", expected: 400);
        malformed["type"]!.GetValue<string>().ShouldEndWith("/invalid-json");
        malformed["detail"]!.GetValue<string>().ShouldContain("line 3");

        var oneBad = new JsonArray(Workflows.Timed("A", "a"), new JsonObject { ["definitionId"] = "b", ["name"] = "B", ["root"] = 5 }, Workflows.Timed("C", "c"));
        var refused = await tenant.JsonAsync(HttpMethod.Post, "workflows/import", oneBad, expected: 400);
        var error = refused["errors"]!.AsArray().Single()!;
        error["item"]!.GetValue<int>().ShouldBe(1);
        error["message"]!.GetValue<string>().ShouldContain("root");
        refused["detail"]!.GetValue<string>().ShouldContain("item 1");

        var duplicate = await tenant.JsonAsync(HttpMethod.Post, "workflows/import", new JsonArray(Workflows.Timed("A", "a"), Workflows.Timed("A2", "a")), expected: 400);
        duplicate["errors"]!.AsArray().Single()!["item"]!.GetValue<int>().ShouldBe(1);

        (await tenant.JsonAsync(HttpMethod.Get, "workflows")).AsArray().ShouldBeEmpty();
        (await tenant.TextAsync(HttpMethod.Get, "audit")).ShouldNotContain("workflow.imported");
    }

    [Fact]
    public async Task Import_ArrayWithUnknownTypesAndExistingId_StoresDraftsAndReports()
    {
        var tenant = await Host.CreateTenantAsync();
        await tenant.JsonAsync(HttpMethod.Post, "workflows", Workflows.Timed("Existing", "existing"), expected: 201);
        await tenant.JsonAsync(HttpMethod.Post, "workflows/existing/publish");
        var exported = await tenant.TextAsync(HttpMethod.Get, "workflows/existing/export");

        var imported = (await tenant.JsonAsync(HttpMethod.Post, "workflows/import", $"[{exported}, {Workflows.Broken("broken-import").ToJsonString()}]", expected: 201)).AsArray();

        imported.Count.ShouldBe(2);
        imported[0]!["definitionId"]!.GetValue<string>().ShouldBe("existing");
        imported[0]!["version"]!.GetValue<int>().ShouldBe(2);
        imported[0]!["report"]!["unknownTypes"]!.GetValue<int>().ShouldBe(0);
        var report = imported[1]!["report"]!;
        report["unknownTypes"]!.GetValue<int>().ShouldBe(1);
        report["items"]!.AsArray().ShouldContain(i => i!["activityId"]!.GetValue<string>() == "mystery" && i["activityType"]!.GetValue<string>() == "Acme.DoesNotExist");
        var existing = await tenant.JsonAsync(HttpMethod.Get, "workflows/existing");
        existing["version"]!.GetValue<int>().ShouldBe(2);
        existing["isPublished"]!.GetValue<bool>().ShouldBeFalse();
        existing["publishedVersion"]!.GetValue<int>().ShouldBe(1);
        (await tenant.JsonAsync(HttpMethod.Get, "workflows/broken-import"))["version"]!.GetValue<int>().ShouldBe(1);
    }
}
