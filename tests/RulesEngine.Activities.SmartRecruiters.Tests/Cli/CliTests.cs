using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Tests.Support;
using RulesEngine.Host.Cli;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sr-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_dir.FullName, "workflow.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string Workflow() => new TestFlow { DefinitionId = "cli-sandbox" }
        .Add("jobs", "SmartRecruiters.FetchJobs", ("postingStatus", "PUBLIC"))
        .Add("process", "SmartRecruiters.GetHiringProcess", ("hiringProcessId", "hp-engineering"))
        .Add("say", "Elsa.WriteLine", ("text", "done"))
        .Connect("jobs", "process").Connect("process", "say")
        .ToString();

    [Fact]
    public async Task Run_WithSandbox_RunsSmartRecruitersActivitiesAgainstAnInProcessSandbox()
    {
        var path = Write(Workflow());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CliApplication.RunAsync(["run", path, "--sandbox"], stdout, stderr, TestContext.Current.CancellationToken);

        exit.ShouldBe(0, stderr.ToString() + stdout);
        var result = JsonNode.Parse(stdout.ToString())!;
        result["status"]!.ToString().ShouldBe("Finished");
        result["journal"]!.AsArray().Select(j => j!["activityId"]!.ToString()).Where(id => id != "flowchart").ShouldBe(["jobs", "process", "say"]);
        stderr.ToString().ShouldContain("done");
    }

    [Fact]
    public async Task Run_WithoutSandbox_FaultsWithAMissingConnection()
    {
        var path = Write(Workflow());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CliApplication.RunAsync(["run", path], stdout, stderr, TestContext.Current.CancellationToken);

        exit.ShouldBe(2);
        JsonNode.Parse(stdout.ToString())!["error"]!["code"]!.ToString().ShouldBe("CONNECTION_NOT_FOUND");
    }

    [Fact]
    public async Task Validate_KnowsTheSmartRecruitersActivities()
    {
        var path = Write(Workflow());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CliApplication.RunAsync(["validate", path], stdout, stderr, TestContext.Current.CancellationToken);

        exit.ShouldBe(0, stdout.ToString());
    }
}
