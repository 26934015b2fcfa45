using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Expressions.CSharp;
using RulesEngine.Core.Tests.Support;
using RulesEngine.TestSupport.Workflows;
using RulesEngine.Core.Validation;

namespace RulesEngine.Core.Tests.Compatibility;

[Collection(CompatibilityCollection.Name)]
public sealed class JavaScriptExpressionTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private static JsonObject Js(string code, string typeName = "Object") => Flow.Expr("JavaScript", code, typeName);

    /// <summary>Runs "set output Result = code" after the given activities, with variables Name (String) and Count (Int32).</summary>
    private async Task<RunResult> RunAsync(string code, Func<Flow, Flow>? before = null, StartOptions? options = null)
    {
        var flow = new Flow()
            .Variable("Name", "String", "Ada")
            .Variable("Count", "Int32", 2)
            .Input("CandidateId")
            .Add("out", "Elsa.SetOutput", ("outputName", Flow.Literal("Result")), ("outputValue", Js(code)));
        var result = await _engine.RunAsync((before ?? (f => f))(flow), options);
        result.Fault.ShouldBeNull();
        return result;
    }

    private async Task<object?> EvalAsync(string code, StartOptions? options = null) => (await RunAsync(code, options: options)).State.Output["Result"];

    [Fact]
    public async Task GetVariable_AndGetNamePerVariable_ReadDeclaredVariables()
    {
        (await EvalAsync("getVariable('Name') + ':' + getName() + ':' + (getCount() + 1)")).ShouldBe("Ada:Ada:3");
    }

    [Fact]
    public async Task SetVariable_AndSetNamePerVariable_WriteVariablesConvertedToTheirType()
    {
        var result = await RunAsync("setVariable('Name', 'Grace'); setCount('7'); getCount() * 2");

        result.State.Variables["Name"].ShouldBe("Grace");
        result.State.Variables["Count"].ShouldBe(7);
        result.State.Output["Result"].ShouldBe(14);
    }

    [Fact]
    public async Task VariablesObject_ReadsValues_AndAssignmentsAreWrittenBack()
    {
        var result = await RunAsync("variables.Count = variables.Count + 40; variables.Name.toUpperCase()");

        result.State.Output["Result"].ShouldBe("ADA");
        result.State.Variables["Count"].ShouldBe(42);
    }

    [Fact]
    public async Task GetInput_InputObject_AndGetNamePerInput_ReadWorkflowInputs()
    {
        var options = new StartOptions { Input = new Dictionary<string, object?> { ["CandidateId"] = "c-9" } };

        (await EvalAsync("getInput('CandidateId') + '|' + input.CandidateId + '|' + getCandidateId()", options)).ShouldBe("c-9|c-9|c-9");
    }

    [Fact]
    public async Task GetOutputFrom_ReadsAnotherActivitysOutput_ByNameAndOutputName()
    {
        var result = await RunAsync(
            "getOutputFrom('calc').total + getOutputFrom('calc', 'result').total",
            f => f.Add("calc", "Elsa.RunJavaScript", ("script", Flow.Literal("({ total: 21 })"))).Chain("calc", "out"));

        result.State.Output["Result"].ShouldBe(42);
    }

    [Fact]
    public async Task GetLastResult_IsTheOutputOfTheActivityThatRanLast()
    {
        var result = await RunAsync("getLastResult() + '!'", f => f.Add("calc", "Elsa.RunJavaScript", ("script", Flow.Literal("'hello'"))).Chain("calc", "out"));

        result.State.Output["Result"].ShouldBe("hello!");
    }

    [Fact]
    public async Task WorkflowIds_AndCorrelation_AreReadableAndSettable()
    {
        var result = await RunAsync(
            "var before = getCorrelationId(); setCorrelationId('cand-' + getName()); getWorkflowInstanceId() + '/' + before + '/' + getCorrelationId()",
            options: new StartOptions { InstanceId = "inst-1", CorrelationId = "old" });

        result.State.Output["Result"].ShouldBe("inst-1/old/cand-Ada");
        result.State.CorrelationId.ShouldBe("cand-Ada");
    }

    [Fact]
    public async Task Helpers_IsNullOrEmpty_ParseGuid_ToJson()
    {
        (await EvalAsync("[isNullOrEmpty(''), isNullOrEmpty(null), isNullOrEmpty('x')].join()")).ShouldBe("true,true,false");
        (await EvalAsync("parseGuid('{B3C1A0E2-1111-4C2B-9D5E-123456789ABC}')")).ShouldBe("b3c1a0e2-1111-4c2b-9d5e-123456789abc");
        (await EvalAsync("parseGuid('not a guid')")).ShouldBeNull();
        (await EvalAsync("toJson({ a: 1, b: [true, 'x'] })")).ShouldBe("""{"a":1,"b":[true,"x"]}""");
    }

    [Fact]
    public async Task ObjectsAndArrays_ComeBackAsJson()
    {
        var value = (await EvalAsync("({ name: getName(), tags: ['a', 'b'], nested: { n: 1.5 } })")).ShouldBeAssignableTo<JsonObject>()!;

        value.ToJsonString().ShouldBe("""{"name":"Ada","tags":["a","b"],"nested":{"n":1.5}}""");
    }

    [Fact]
    public async Task JsonVariables_CrossAsPlainJavaScriptObjects()
    {
        var result = await RunAsync(
            "var c = getVariable('Candidate'); c.skills.push('js'); setVariable('Candidate', c); c.skills.length",
            f => f.Variable("Candidate", "Object", JsonNode.Parse("""{"skills":["cs"]}""")));

        result.State.Output["Result"].ShouldBe(2);
        ValueConverter.ToNode(result.State.Variables["Candidate"])!.ToJsonString().ShouldBe("""{"skills":["cs","js"]}""");
    }

    [Fact]
    public async Task TopLevelReturn_IsAccepted()
    {
        (await EvalAsync("if (getCount() > 1) { return 'many'; }\nreturn 'few';")).ShouldBe("many");
    }

    [Fact]
    public async Task RunawayLoop_IsStoppedByTheTimeBudget_AndFaultsTheActivity()
    {
        using var engine = new TestEngine(s => s.Configure<EngineOptions>(o => o.ScriptTimeBudget = TimeSpan.FromMilliseconds(200)));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = await engine.RunAsync(new Flow().Add("spin", "Elsa.RunJavaScript", ("script", Flow.Literal("while (true) { }"))));

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.ActivityId.ShouldBe("spin");
        result.Fault.Message.ShouldContain("budget");
    }

    [Fact]
    public async Task RunawayRecursion_IsStopped_WithoutKillingTheHost()
    {
        var result = await _engine.RunAsync(new Flow().Add("deep", "Elsa.RunJavaScript", ("script", Flow.Literal("function f(n) { return f(n + 1) + 1; } f(0)"))));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.ExceptionType.ShouldBe(typeof(ActivityInputException).FullName);
        result.Fault.Message.ShouldContain("recursion");
    }

    [Theory]
    [InlineData("typeof System === 'undefined' && typeof importNamespace === 'undefined' && typeof clrHelper === 'undefined'")]
    [InlineData("(function () { try { System.IO.File.ReadAllText('/etc/passwd'); return false; } catch (e) { return e instanceof ReferenceError; } })()")]
    public async Task NoClrAccess_SystemIsUndefined(string code)
    {
        (await EvalAsync(code)).ShouldBe(true);
    }

    [Fact]
    public async Task NoClrAccess_HelpersDoNotLeakClrObjects()
    {
        (await EvalAsync("typeof getVariable('Name').GetType === 'undefined' && typeof getOutputFrom === 'function' && typeof getOutputFrom.constructor.GetType === 'undefined'")).ShouldBe(true);
    }

    [Fact]
    public void Validate_SyntaxError_IsReportedAtLoadWithLineAndColumn()
    {
        var blueprint = _engine.Load(new Flow().Add("bad", "Elsa.SetOutput", ("outputName", Flow.Literal("x")), ("outputValue", Js("var a = 1;\nvar b = ;"))));

        var problem = blueprint.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.CompileError);
        problem.ActivityId.ShouldBe("bad");
        problem.Input.ShouldBe("outputValue");
        problem.Line.ShouldBe(2);
        problem.Column.ShouldBe(9);
        problem.Message.ShouldContain("JavaScript syntax error");
    }

    [Fact]
    public void Validate_RunJavaScriptScript_IsCheckedToo()
    {
        var blueprint = _engine.Load(new Flow().Add("js", "Elsa.RunJavaScript", ("script", Flow.Literal("return (1 +;"))));

        var problem = blueprint.Problems.ShouldHaveSingleItem();
        problem.Input.ShouldBe("script");
        problem.Line.ShouldBe(1);
    }

    [Fact]
    public async Task ThrownError_FaultsWithTheScriptsMessage()
    {
        var result = await _engine.RunAsync(new Flow().Add("js", "Elsa.RunJavaScript", ("script", Flow.Literal("throw new Error('candidate has no email')"))));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.Message.ShouldContain("candidate has no email");
    }
}
