using System.Text.Json.Nodes;

namespace RulesEngine.Host.Tests.Cli;

/// <summary>`validate` and `run` on the Elsa-format fixtures (child workflows come from the files beside the one run).</summary>
public sealed class ElsaCliTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Elsa", name));

    [Fact]
    public async Task Validate_ListsPerActivityWhatIsKeptButCannotRun_AndTheCounts()
    {
        var file = _files.Write("mixed.json", Fixture("import-report-mixed.json"));

        var run = await CliRun.InvokeAsync("validate", file);

        run.ExitCode.ShouldBe(1);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Count(l => l.Contains("unknown activity type", StringComparison.Ordinal)).ShouldBe(3);
        lines.ShouldContain(l => l.Contains("activity py 'Python'", StringComparison.Ordinal) && l.Contains("'Python' is not supported", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("activity call 'CallApi' (Elsa.SendHttpRequest): unsupported-option: input 'authorization'", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("mixed.json: workflow: unsupported-option: activation strategy", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.Contains("activity child ", StringComparison.Ordinal) || l.Contains("activity score ", StringComparison.Ordinal));
        run.Stderr.ShouldContain("mixed.json: import report: 3 unknown types, 1 unsupported expression, 5 unsupported options");
    }

    [Fact]
    public async Task Validate_ReportsNothingOnTheRunnableFixtures()
    {
        var names = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Elsa"), "*.json")
            .Select(Path.GetFileName).Where(n => !n!.StartsWith("import-report", StringComparison.Ordinal)).ToList();
        var files = names.Select(n => _files.Write(n!, Fixture(n!))).ToArray();

        var run = await CliRun.InvokeAsync(["validate", .. files]);

        run.Stdout.Trim().ShouldBeEmpty();
        run.Stderr.Trim().ShouldBeEmpty();
        run.ExitCode.ShouldBe(0);
        names.Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task Run_ExecutesChildWorkflowsFromTheFilesBesideIt_PublishedOrPinned()
    {
        foreach (var name in (string[])["child-score-candidate.json", "child-score-candidate.v1.json", "parent-workflow-activity.json"])
        {
            _files.Write(name, Fixture(name));
        }

        var parent = _files.Write("parent-execute-workflow.json", Fixture("parent-execute-workflow.json"));

        var executed = await CliRun.InvokeAsync("run", parent, "--input", "CandidateId=c-4", "--input", "Score=90");
        var pinned = await CliRun.InvokeAsync("run", Path.Combine(_files.Root, "parent-workflow-activity.json"), "--input", "CandidateId=c-4", "--input", "Score=90");

        executed.ExitCode.ShouldBe(0, executed.Stderr);
        JsonNode.Parse(executed.Stdout)!["outputs"]!["Tier"]!.GetValue<string>().ShouldBe("gold-v2");
        pinned.ExitCode.ShouldBe(0, pinned.Stderr);
        JsonNode.Parse(pinned.Stdout)!["outputs"]!["Decision"]!.GetValue<string>().ShouldBe("hire gold-v1");
    }
}
