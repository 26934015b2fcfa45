using System.Text.Json.Nodes;

namespace RulesEngine.Host.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Run_FinishedWorkflow_PrintsStatusOutputsVariablesAndJournal_WriteLineToStderr()
    {
        var file = _files.Write("hello.json", """
        {"definitionId":"hello","variables":[{"id":"v1","name":"Greeting","typeName":"String"}],
         "inputs":[{"name":"Who","type":"String"}],
         "root":{"id":"f","type":"Elsa.Flowchart","activities":[
           {"id":"set","type":"Elsa.SetVariable","variable":"Greeting","value":{"typeName":"Object","expression":{"type":"Literal","value":"hello"}}},
           {"id":"say","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Variable","value":"Greeting"}}},
           {"id":"out","type":"Elsa.SetOutput","outputName":"Done","outputValue":"yes"}],
          "connections":[{"source":"set","target":"say","sourcePort":"Done"},{"source":"say","target":"out","sourcePort":"Done"}]}}
        """);

        var run = await CliRun.InvokeAsync("run", file, "--input", "Who=world");

        run.ExitCode.ShouldBe(0);
        run.Stderr.Trim().ShouldBe("hello");
        var result = JsonNode.Parse(run.Stdout)!;
        result["status"]!.GetValue<string>().ShouldBe("Finished");
        result["outputs"]!["Done"]!.GetValue<string>().ShouldBe("yes");
        result["variables"]!["Greeting"]!.GetValue<string>().ShouldBe("hello");
        var journal = result["journal"]!.AsArray();
        journal.Select(j => j!["activityId"]!.GetValue<string>()).ShouldBe(["f", "set", "say", "out"]);
        journal[1]!["outcomes"]!.AsArray().Single()!.GetValue<string>().ShouldBe("Done");
        journal[1]!["durationMs"].ShouldNotBeNull();
        journal[1]!["startedAt"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Run_FaultedWorkflow_ExitsTwoWithTheError()
    {
        var file = _files.Write("fault.json", """{"root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"boom","type":"Elsa.Fault","message":"stop here","code":"E1"}]}}""");

        var run = await CliRun.InvokeAsync("run", file);

        run.ExitCode.ShouldBe(2);
        var result = JsonNode.Parse(run.Stdout)!;
        result["status"]!.GetValue<string>().ShouldBe("Faulted");
        result["error"]!["activityId"]!.GetValue<string>().ShouldBe("boom");
        result["error"]!["message"]!.GetValue<string>().ShouldContain("stop here");
        result["journal"]!.AsArray().Last()!["error"]!.GetValue<string>().ShouldContain("stop here");
    }

    [Fact]
    public async Task Run_SuspendedWorkflow_ExitsZeroAndListsTheBookmark()
    {
        var file = _files.Write("wait.json", """{"root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"d","type":"Elsa.Delay","timeSpan":"5m"}]}}""");

        var run = await CliRun.InvokeAsync("run", file);

        run.ExitCode.ShouldBe(0);
        var result = JsonNode.Parse(run.Stdout)!;
        result["status"]!.GetValue<string>().ShouldBe("Suspended");
        result["bookmarks"]!.AsArray().Single()!["activityId"]!.GetValue<string>().ShouldBe("d");
    }

    [Fact]
    public async Task Run_InvalidFile_ExitsOneWithTheProblemsOnStderr()
    {
        var file = _files.Write("invalid.json", """{"root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"x","type":"Nope.Nothing"}]}}""");

        var run = await CliRun.InvokeAsync("run", file);

        run.ExitCode.ShouldBe(1);
        run.Stdout.ShouldBeEmpty();
        run.Stderr.ShouldContain("invalid.json: activity x 'x' (Nope.Nothing): unknown activity type");
    }

    [Fact]
    public async Task Run_Payload_IsTheTrigger()
    {
        var file = _files.Write("payload.json", """
        {"root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"out","type":"Elsa.SetOutput","outputName":"Seen","outputValue":{"typeName":"Object","expression":{"type":"Literal","value":"ok"}}}]}}
        """);
        var payload = _files.Write("body.json", """{"candidateId":"c-1"}""");

        var run = await CliRun.InvokeAsync("run", file, "--payload", payload);

        run.ExitCode.ShouldBe(0);
        JsonNode.Parse(run.Stdout)!["outputs"]!["Seen"]!.GetValue<string>().ShouldBe("ok");
    }

    [Fact]
    public async Task Run_BadInputSyntax_ExitsOne()
    {
        var file = _files.Write("x.json", """{"root":{"id":"f","type":"Elsa.Flowchart"}}""");

        var run = await CliRun.InvokeAsync("run", file, "--input", "novalue");

        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldContain("--input 'novalue': expected name=value");
    }
}
