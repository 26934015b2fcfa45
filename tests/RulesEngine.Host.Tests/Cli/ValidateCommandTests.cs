namespace RulesEngine.Host.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Validate_ValidFile_ExitsZeroAndPrintsNothing()
    {
        var file = _files.Write("ok.json", """{"definitionId":"ok","root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"w","type":"Elsa.WriteLine","text":"hi"}]}}""");

        var run = await CliRun.InvokeAsync("validate", file);

        run.ExitCode.ShouldBe(0);
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_Problems_ExitsOneWithOneLinePerProblemNamingFileActivityAndType()
    {
        var file = _files.Write("bad.json", """
        {"definitionId":"bad","root":{"id":"f","type":"Elsa.Flowchart","activities":[
          {"id":"a","name":"Mystery","type":"Acme.Unknown"},
          {"id":"b","name":"Say","type":"Elsa.WriteLine","text":"x"},
          {"id":"b","name":"Again","type":"Elsa.WriteLine","text":"y"}],
          "connections":[{"source":{"activity":"b","port":"Done"},"target":{"activity":"zzz","port":"In"}}]}}
        """);

        var run = await CliRun.InvokeAsync("validate", file);

        run.ExitCode.ShouldBe(1);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldBe(
        [
            "bad.json: activity a 'Mystery' (Acme.Unknown): unknown activity type 'Acme.Unknown' (kept as it is; the workflow cannot run until it is replaced)",
            "bad.json: activity b 'Again' (Elsa.WriteLine): duplicate activity id 'b'",
            "bad.json: activity f 'f' (Elsa.Flowchart): connection b:Done -> zzz:In refers to activity 'zzz', which is not in this flowchart",
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task Validate_MalformedJson_NamesFileAndLine()
    {
        var file = _files.Write("broken.json", "{\n \"root\": [\n");

        var run = await CliRun.InvokeAsync("validate", file);

        run.ExitCode.ShouldBe(1);
        run.Stdout.ShouldStartWith("broken.json: invalid JSON at line 3");
    }

    [Fact]
    public async Task Validate_SeveralFiles_ReportsEachAndFailsIfAnyFails()
    {
        var good = _files.Write("good.json", """{"root":{"id":"f","type":"Elsa.Flowchart"}}""");
        var missing = Path.Combine(_files.Root, "missing.json");

        var run = await CliRun.InvokeAsync("validate", good, missing);

        run.ExitCode.ShouldBe(1);
        run.Stdout.ShouldContain("missing.json: file not found");
    }
}
