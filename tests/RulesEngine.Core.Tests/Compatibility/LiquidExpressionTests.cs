using System.Text.Json.Nodes;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Tests.Support;
using RulesEngine.TestSupport.Workflows;
using RulesEngine.Core.Validation;

namespace RulesEngine.Core.Tests.Compatibility;

[Collection(CompatibilityCollection.Name)]
public sealed class LiquidExpressionTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private async Task<string?> RenderAsync(string template, StartOptions? options = null)
    {
        var flow = new Flow { DefinitionId = "liquid-flow" }
            .Variable("Name", "String", "Ada Lovelace")
            .Variable("Candidate", "Object", JsonNode.Parse("""{"id":"c-1","skills":["math","engines"]}"""))
            .Input("JobId")
            .Add("say", "Elsa.WriteLine", ("text", Flow.Expr("Liquid", template, "String")));
        var result = await _engine.RunAsync(flow, options);
        result.Fault.ShouldBeNull();
        return _engine.Console.Lines.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Variables_AreReadByName_IncludingNestedJson()
    {
        (await RenderAsync("Hello {{ Variables.Name }} ({{ Variables.Candidate.id }}, {{ Variables.Candidate.skills[1] }})"))
            .ShouldBe("Hello Ada Lovelace (c-1, engines)");
    }

    [Fact]
    public async Task Input_ReadsWorkflowInputs()
    {
        var options = new StartOptions { Input = new Dictionary<string, object?> { ["JobId"] = "job-42" } };

        (await RenderAsync("https://api.example.com/jobs/{{ Input.JobId }}/candidates", options)).ShouldBe("https://api.example.com/jobs/job-42/candidates");
    }

    [Fact]
    public async Task Workflow_ExposesInstanceId_CorrelationId_DefinitionId()
    {
        var options = new StartOptions { InstanceId = "inst-7", CorrelationId = "cand-7" };

        (await RenderAsync("{{ Workflow.Id }}|{{ Workflow.CorrelationId }}|{{ Workflow.DefinitionId }}", options)).ShouldBe("inst-7|cand-7|liquid-flow");
    }

    [Fact]
    public async Task JsonFilter_WritesValuesAsJson()
    {
        (await RenderAsync("{{ Variables.Candidate | json }}")).ShouldBe("""{"id":"c-1","skills":["math","engines"]}""");
    }

    [Fact]
    public async Task Base64Filters_EncodeAndDecode()
    {
        (await RenderAsync("{{ Variables.Name | base64 }}|{{ 'QWRh' | base64_decode }}")).ShouldBe("QWRhIExvdmVsYWNl|Ada");
    }

    [Fact]
    public async Task StandardFilters_AndTags_Work()
    {
        (await RenderAsync("{{ Variables.Name | upcase }} {% for s in Variables.Candidate.skills %}[{{ s | capitalize }}]{% endfor %} {{ Variables.Name | url_encode }}"))
            .ShouldBe("ADA LOVELACE [Math][Engines] Ada+Lovelace");
    }

    [Fact]
    public async Task Output_IsNotHtmlEncoded()
    {
        (await RenderAsync("{{ '<b>&' }}")).ShouldBe("<b>&");
    }

    [Fact]
    public void Validate_ParseError_IsReportedAtLoad()
    {
        var blueprint = _engine.Load(new Flow().Add("bad", "Elsa.WriteLine", ("text", Flow.Expr("Liquid", "Hello {{ Variables.Name ", "String"))));

        var problem = blueprint.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.CompileError);
        problem.ActivityId.ShouldBe("bad");
        problem.Input.ShouldBe("text");
        problem.Message.ShouldContain("Liquid syntax error");
    }
}
