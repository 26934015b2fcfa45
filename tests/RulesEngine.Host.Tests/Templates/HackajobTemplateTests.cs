using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RulesEngine.Host.Tests.Templates;

/// <summary>
/// The hackajob templates in <c>serve --demo</c>: candidate accepted (job mapping, export with CV, profile and source,
/// stage mapping), stage changed (sync, unmapped stages left alone) and "import existing configuration".
/// </summary>
public sealed class HackajobTemplateTests
{
    private const string Email = "ada.byron@example.org";

    private static object Accepted(string jobId, string email, string cvUrl) => new
    {
        jobId,
        candidate = new
        {
            id = "hj-c-" + email.Split('@')[0],
            firstName = "Ada",
            lastName = "Byron",
            email,
            phone = "+44 20 7946 0001",
            profileUrl = "https://hackajob.com/talent/profile/501",
            headline = "Backend engineer",
            skills = new[] { "C#", "SQL" },
            cvUrl,
        },
    };

    private static object StageChanged(string stage, string email = Email) => new { jobId = "hj-1001", stage, candidate = new { id = "hj-c-501", email } };

    /// <summary>Posts to the hook and returns the workflow's answer, checking its status code.</summary>
    private static async Task<JsonElement> PostAsync(DemoHost demo, string path, object body, HttpStatusCode expected) =>
        (await PostWithRunAsync(demo, path, body, expected)).Answer;

    private static async Task<(JsonElement Answer, string InstanceId)> PostWithRunAsync(DemoHost demo, string path, object body, HttpStatusCode expected)
    {
        using var response = await demo.PostHookAsync(path, body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected, text);
        return (JsonDocument.Parse(text).RootElement.Clone(), response.Headers.GetValues("X-RulesEngine-Instance").Single());
    }

    private static JsonElement[] Of(JsonElement state, string collection, Func<JsonElement, bool> where) =>
        [.. state.GetProperty(collection).EnumerateArray().Where(where)];

    private static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    [Fact]
    public async Task CandidateAccepted_ThenStageChanges_ThenAnImportedConfiguration_KeepSmartRecruitersInStep()
    {
        await using var demo = await DemoHost.StartAsync();
        var jobs = await MappingAsync(demo, "hackajob-jobs");
        var srJob = jobs["hj-1001"];
        var cvUrl = new Uri(demo.Host.BaseAddress, "/sandbox/_vendor/hackajob/cv/ada-byron-cv.pdf").ToString();

        // No job mapping: no automation, and both the answer and the run say why.
        var (unmapped, unmappedRun) = await PostWithRunAsync(demo, "hackajob/candidate-accepted", Accepted("hj-9999", "no.mapping@example.org", cvUrl), HttpStatusCode.OK);
        unmapped.GetProperty("exported").GetBoolean().ShouldBeFalse();
        Str(unmapped, "reason").ShouldContain("hackajob-jobs");
        var run = await demo.WaitForInstanceAsync(unmappedRun);
        Str(run.GetProperty("outputs"), "reason").ShouldContain("no mapping = no automation");

        // Mapped: exported with CV, hackajob profile and source, then moved to the stage mapped for 'accepted'.
        var accepted = await PostAsync(demo, "hackajob/candidate-accepted", Accepted("hj-1001", Email, cvUrl), HttpStatusCode.OK);
        accepted.GetProperty("exported").GetBoolean().ShouldBeTrue();
        Str(accepted, "status").ShouldBe("IN_REVIEW");

        var state = await demo.SandboxStateAsync();
        Of(state, "candidates", c => Str(c, "email") == "no.mapping@example.org").ShouldBeEmpty();
        var candidateId = Str(Of(state, "candidates", c => Str(c, "email") == Email).ShouldHaveSingleItem(), "id");
        var application = Of(state, "applications", a => Str(a, "candidateId") == candidateId).ShouldHaveSingleItem();
        Str(application, "jobId").ShouldBe(srJob);
        (Str(application, "status"), Str(application, "subStatus")).ShouldBe(("IN_REVIEW", "CV screen"));
        Str(application, "sourceId").ShouldBe("hackajob");
        var files = Of(state, "attachments", a => Str(a, "candidateId") == candidateId);
        files.Select(f => (Str(f, "name"), Str(f, "type"))).ShouldBe([("ada-byron-cv.pdf", "RESUME"), ("hackajob-profile-hj-c-ada.byron.html", "GENERIC_FILE")], ignoreOrder: true);
        var profile = Encoding.UTF8.GetString(Convert.FromBase64String(Str(files.Single(f => Str(f, "type") == "GENERIC_FILE"), "contentBase64")));
        profile.ShouldContain("https://hackajob.com/talent/profile/501");
        (await demo.VendorCallsAsync("hackajob")).ShouldContain(c => Str(c, "method") == "GET" && Str(c, "path") == "/cv/ada-byron-cv.pdf");

        // Stage changes in hackajob follow into SmartRecruiters; unmapped or blank stages are left alone.
        var moved = await PostAsync(demo, "hackajob/stage-changed", StageChanged("Interview"), HttpStatusCode.OK);
        moved.GetProperty("changed").GetBoolean().ShouldBeTrue();
        foreach (var unmappedStage in (string[])["assessment", "coffee-chat"])
        {
            var left = await PostAsync(demo, "hackajob/stage-changed", StageChanged(unmappedStage), HttpStatusCode.OK);
            left.GetProperty("changed").GetBoolean().ShouldBeFalse();
            Str(left, "reason").ShouldContain("left alone");
        }

        var ghost = await PostAsync(demo, "hackajob/stage-changed", StageChanged("offer", "ghost@example.org"), HttpStatusCode.NotFound);
        ghost.GetProperty("changed").GetBoolean().ShouldBeFalse();

        // The same acceptance delivered again: nothing duplicated, and the candidate is not moved back to 'accepted'.
        var again = await PostAsync(demo, "hackajob/candidate-accepted", Accepted("hj-1001", Email, cvUrl), HttpStatusCode.OK);
        Str(again, "reason").ShouldContain("nothing duplicated");
        state = await demo.SandboxStateAsync();
        Of(state, "candidates", c => Str(c, "email") == Email).Length.ShouldBe(1);
        application = Of(state, "applications", a => Str(a, "candidateId") == candidateId).ShouldHaveSingleItem();
        (Str(application, "status"), Str(application, "subStatus")).ShouldBe(("INTERVIEW", "Technical interview"));
        Of(state, "attachments", a => Str(a, "candidateId") == candidateId).Length.ShouldBe(2);

        // Import existing configuration: hj-1002 gets hj-1001's stage mapping, and its next acceptance uses it.
        var failed = await demo.WaitForInstanceAsync(await demo.RunNowAsync("hackajob-copy-stage-mapping", new { fromJob = "hj-4040", toJob = "hj-1002" }));
        Str(failed, "status").ShouldBe("Faulted");
        failed.GetProperty("fault").GetProperty("message").GetString()!.ShouldContain("hj-4040");
        var copied = await demo.WaitForInstanceAsync(await demo.RunNowAsync("hackajob-copy-stage-mapping", new { fromJob = "hj-1001", toJob = "hj-1002" }));
        Str(copied, "status").ShouldBe("Finished");
        var stages = await MappingAsync(demo, "hackajob-stages");
        stages.Where(r => r.Key.StartsWith("hj-1002:", StringComparison.Ordinal)).Select(r => (r.Key[8..], r.Value))
            .ShouldBe(stages.Where(r => r.Key.StartsWith("hj-1001:", StringComparison.Ordinal) && r.Value.Length > 0).Select(r => (r.Key[8..], r.Value)), ignoreOrder: true);

        var second = await PostAsync(demo, "hackajob/candidate-accepted", Accepted("hj-1002", "ada.second@example.org", cvUrl), HttpStatusCode.OK);
        (Str(second, "status"), Str(second, "subStatus")).ShouldBe(("IN_REVIEW", "CV screen"));
        state = await demo.SandboxStateAsync();
        var secondId = Str(Of(state, "candidates", c => Str(c, "email") == "ada.second@example.org").ShouldHaveSingleItem(), "id");
        Str(Of(state, "applications", a => Str(a, "candidateId") == secondId).ShouldHaveSingleItem(), "jobId").ShouldBe(jobs["hj-1002"]);
    }

    private static async Task<Dictionary<string, string>> MappingAsync(DemoHost demo, string table) =>
        (await demo.GetJsonAsync($"/api/tenants/{DemoHost.Tenant}/mappings/{table}")).GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("value").GetString()!);
}
