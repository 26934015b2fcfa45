using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RulesEngine.Host.Tests.Templates;

/// <summary><c>workflows/theorg-job-sync.json</c> through <c>serve --demo</c>: SmartRecruiters' open roles kept in sync at The Org.</summary>
public sealed class TheOrgTemplateTests
{
    private const string Workflow = "theorg-job-sync";
    private static readonly string[] OpenStatuses = ["SOURCING", "INTERVIEW", "OFFER"];

    [Fact]
    public async Task JobSync_UpsertsOpenRoles_ThenOnlyWhatChanged_DeletesClosedAndDeletedJobs_AndSaysImportDone()
    {
        await using var demo = await DemoHost.StartAsync();
        await demo.DisableSchedulesAsync(Workflow);
        await demo.KeepFirstSandboxJobsAsync(40);
        var ct = TestContext.Current.CancellationToken;
        var jobs = Jobs(await demo.SandboxStateAsync());
        var open = jobs.Where(j => OpenStatuses.Contains(j["status"]!.GetValue<string>())).ToList();
        var notOpen = jobs.Except(open).ToList();
        open.Count.ShouldBeGreaterThan(5);
        notOpen.Count.ShouldBeGreaterThan(5);

        // First sync (run now): every open role is upserted with The Org's fields, nothing else, then "import done".
        var first = await RunAsync(demo);
        var upserts = first.Where(c => c.Method == "PUT").ToList();
        upserts.Select(c => c.Path).ShouldBe(open.Select(j => "/jobs/" + j["id"]), ignoreOrder: true);
        first.Count(c => c.Method == "DELETE").ShouldBe(0);
        first[^1].Path.ShouldBe("/imports/done");
        first[^1].Body["openJobs"]!.GetValue<int>().ShouldBe(open.Count);
        first[^1].Body["upserted"]!.GetValue<int>().ShouldBe(open.Count);
        var posted = open.First(j => j["postingId"] is not null);
        var sent = upserts.Single(c => c.Path == "/jobs/" + posted["id"]).Body;
        sent["externalId"]!.GetValue<string>().ShouldBe(posted["id"]!.GetValue<string>());
        sent["title"]!.GetValue<string>().ShouldBe(posted["title"]!.GetValue<string>());
        sent["description"]!.GetValue<string>().ShouldContain(posted["description"]!.GetValue<string>());
        sent["department"]!.GetValue<string>().ShouldBe(posted["department"]!["label"]!.GetValue<string>());
        sent["location"]!["city"]!.GetValue<string>().ShouldBe(posted["location"]!["city"]!.GetValue<string>());
        sent["status"]!.GetValue<string>().ShouldBe(posted["status"]!.GetValue<string>());
        sent["postingStatus"]!.GetValue<string>().ShouldBe(posted["postingStatus"]!.GetValue<string>());
        DateTimeOffset.Parse(sent["createdOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(DateTimeOffset.Parse(posted["createdOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        sent["url"]!.GetValue<string>().ShouldContain(posted["postingUuid"]!.GetValue<string>());

        // Second sync without any change in SmartRecruiters: no upsert, no delete, still "import done".
        var second = await RunAsync(demo);
        second.Select(c => c.Method + " " + c.Path).ShouldBe(["POST /imports/done"]);
        second[0].Body["upserted"]!.GetValue<int>().ShouldBe(0);
        second[0].Body["deleted"]!.GetValue<int>().ShouldBe(0);

        // Changes: a job deleted, one closed, one renamed, one reopened, one created, and a draft edited (not a role).
        var (deleted, closed, renamed) = (open[0], open[1], open[2]);
        var reopened = notOpen.First(j => j["status"]!.GetValue<string>() == "ON_HOLD");
        var draft = notOpen.First(j => j["status"]!.GetValue<string>() == "CREATED");
        (await demo.Public.DeleteAsync($"/sandbox/_sandbox/jobs/{deleted["id"]}", ct)).EnsureSuccessStatusCode();
        await UpsertJobAsync(demo, new { id = closed["id"]!.GetValue<string>(), status = "CANCELLED" });
        await UpsertJobAsync(demo, new { id = renamed["id"]!.GetValue<string>(), title = "Head of Org Charts" });
        await UpsertJobAsync(demo, new { id = reopened["id"]!.GetValue<string>(), status = "SOURCING" });
        await UpsertJobAsync(demo, new { id = draft["id"]!.GetValue<string>(), title = "Draft, still not open" });
        var created = await UpsertJobAsync(demo, new { title = "Chief Cartographer", status = "SOURCING", postingStatus = "PUBLIC" });

        var third = await RunAsync(demo);
        third.Where(c => c.Method == "DELETE").Select(c => c.Path).ShouldBe([$"/jobs/{deleted["id"]}", $"/jobs/{closed["id"]}"], ignoreOrder: true);
        third.Where(c => c.Method == "PUT").Select(c => c.Path).ShouldBe([$"/jobs/{renamed["id"]}", $"/jobs/{reopened["id"]}", $"/jobs/{created}"], ignoreOrder: true);
        third.Single(c => c.Path == $"/jobs/{renamed["id"]}").Body["title"]!.GetValue<string>().ShouldBe("Head of Org Charts");
        third[^1].Path.ShouldBe("/imports/done");
        third[^1].Body["upserted"]!.GetValue<int>().ShouldBe(3);
        third[^1].Body["deleted"]!.GetValue<int>().ShouldBe(2);

        // SmartRecruiters was only read: the deleted job is gone, the closed one is closed, and The Org followed.
        var after = Jobs(await demo.SandboxStateAsync());
        after.ShouldNotContain(j => j["id"]!.GetValue<string>() == deleted["id"]!.GetValue<string>());
        after.Single(j => j["id"]!.GetValue<string>() == closed["id"]!.GetValue<string>())["status"]!.GetValue<string>().ShouldBe("CANCELLED");

        // The Org is down during a sync: the run faults, and the next sync sends the change again.
        var retitled = open[3];
        await UpsertJobAsync(demo, new { id = retitled["id"]!.GetValue<string>(), title = "Org Chart Architect" });
        await SetTheOrgAnswerAsync(demo, 503);
        var failed = await demo.WaitForInstanceAsync(await demo.RunNowAsync(Workflow));
        failed.GetProperty("status").GetString().ShouldBe("Faulted");
        await SetTheOrgAnswerAsync(demo, 200);
        var redone = await RunAsync(demo);
        redone.Select(c => c.Method + " " + c.Path).ShouldBe([$"PUT /jobs/{retitled["id"]}", "POST /imports/done"]);
        redone[0].Body["title"]!.GetValue<string>().ShouldBe("Org Chart Architect");

        (await RunAsync(demo)).Select(c => c.Method + " " + c.Path).ShouldBe(["POST /imports/done"]);
    }

    private static async Task SetTheOrgAnswerAsync(DemoHost demo, int status)
    {
        using var response = await demo.Public.PostAsJsonAsync("/sandbox/_sandbox/vendor/theorg/response", new { status }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static List<JsonObject> Jobs(JsonElement state) =>
        [.. JsonNode.Parse(state.GetProperty("jobs").GetRawText())!.AsArray().OfType<JsonObject>()];

    private static async Task<string> UpsertJobAsync(DemoHost demo, object job)
    {
        using var response = await demo.Public.PostAsJsonAsync("/sandbox/_sandbox/jobs", job, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>();
    }

    /// <summary>Runs the sync now and returns the calls The Org received from that run (by its X-Import-Id), in order.</summary>
    private static async Task<List<VendorCall>> RunAsync(DemoHost demo)
    {
        var run = await demo.RunToEndAsync(Workflow);
        return await VendorCall.OfRunAsync(demo, "theorg", run.GetProperty("id").GetString()!);
    }
}
