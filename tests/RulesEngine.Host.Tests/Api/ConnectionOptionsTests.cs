using System.Text.Json.Nodes;
using RulesEngine.Host.Tests.Api.Support;
using SmartRecruiters.Sandbox;

namespace RulesEngine.Host.Tests.Api;

/// <summary><c>GET connections/{name}/options</c>: what the Designer's SmartRecruiters pickers offer, read from the Sandbox.</summary>
public sealed class ConnectionOptionsTests(SharedHost shared)
{
    private const string ApiKey = "options-key-5e2d";

    private TestHost Host => shared.Host;

    [Fact]
    public async Task Options_ListStatuses_SubStatusesOfActiveHiringProcesses_AndEveryJob()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxServerOptions { ApiKey = ApiKey }, TestContext.Current.CancellationToken);
        using var admin = new HttpClient();
        admin.DefaultRequestHeaders.Add("X-SmartToken", ApiKey);
        var ct = TestContext.Current.CancellationToken;
        var processes = JsonNode.Parse(await admin.GetStringAsync($"{sandbox.BaseUrl}/configuration/hiring-processes", ct))!["content"]!.AsArray();
        var state = JsonNode.Parse(await admin.GetStringAsync($"{sandbox.BaseUrl}/_sandbox/state", ct))!;
        var jobs = state["jobs"]!.AsArray();
        jobs.Count.ShouldBeGreaterThan(100); // more than one page of GET /jobs

        var tenant = await Host.CreateTenantAsync();
        await tenant.TextAsync(HttpMethod.Put, "connections/smartrecruiters", new
        {
            kind = "smartrecruiters",
            settings = new { baseUrl = sandbox.BaseUrl, companyIdentifier = "AcmeCorp" },
            secrets = new { apiKey = ApiKey },
        });

        var options = await tenant.JsonAsync(HttpMethod.Get, "connections/smartrecruiters/options");

        options["statuses"]!.AsArray().Select(s => s!.GetValue<string>())
            .ShouldBe(["LEAD", "NEW", "IN_REVIEW", "INTERVIEW", "OFFERED", "HIRED", "REJECTED", "WITHDRAWN", "TRANSFERRED"]);

        // Every sub-status of every active hiring process, once; an inactive process adds nothing.
        var subStatuses = options["subStatuses"]!.AsObject();
        var active = processes.Where(p => p!["active"]!.GetValue<bool>()).ToList();
        active.Count.ShouldBeLessThan(processes.Count);
        foreach (var status in new[] { "IN_REVIEW", "INTERVIEW", "OFFERED" })
        {
            var expected = active.SelectMany(p => p!["subStatuses"]![status]!.AsArray().Select(n => n!.GetValue<string>())).Distinct().Order(StringComparer.Ordinal);
            subStatuses[status]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal).ShouldBe(expected);
        }

        // Every job of the company, by title.
        var listed = options["jobs"]!.AsArray().Select(j => (Id: j!["id"]!.GetValue<string>(), Title: j["title"]!.GetValue<string>())).ToList();
        listed.Select(j => j.Id).Order(StringComparer.Ordinal).ShouldBe(jobs.Select(j => j!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        listed.Select(j => j.Title).ShouldBeInOrder(SortDirection.Ascending, StringComparer.CurrentCultureIgnoreCase);
        listed.ShouldContain((jobs[0]!["id"]!.GetValue<string>(), jobs[0]!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Options_OfAMissingOrNonSmartRecruitersConnection_AreRefused_AndAWrongKeyIsABadGateway()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxServerOptions { ApiKey = ApiKey }, TestContext.Current.CancellationToken);
        var tenant = await Host.CreateTenantAsync();
        await tenant.TextAsync(HttpMethod.Put, "connections/vendor", new { kind = "http", settings = new { baseUrl = sandbox.BaseUrl } });
        await tenant.TextAsync(HttpMethod.Put, "connections/smartrecruiters", new
        {
            kind = "smartrecruiters",
            settings = new { baseUrl = sandbox.BaseUrl },
            secrets = new { apiKey = "not-the-key-SECRET" },
        });

        (await tenant.JsonAsync(HttpMethod.Get, "connections/nope/options", expected: 404))["detail"]!.GetValue<string>().ShouldContain("'nope'");
        (await tenant.JsonAsync(HttpMethod.Get, "connections/vendor/options", expected: 400))["errors"]!["name"]![0]!.GetValue<string>().ShouldContain("only smartrecruiters connections");
        var rejected = await tenant.TextAsync(HttpMethod.Get, "connections/smartrecruiters/options", expected: 502);
        rejected.ShouldContain("401");
        rejected.ShouldNotContain("not-the-key-SECRET");
    }
}
