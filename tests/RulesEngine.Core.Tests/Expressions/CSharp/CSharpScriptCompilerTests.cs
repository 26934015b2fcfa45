using System.Text.Json.Nodes;
using RulesEngine.Core.Expressions;
using RulesEngine.Core.Expressions.CSharp;

namespace RulesEngine.Core.Tests.Expressions.CSharp;

public sealed class CSharpScriptCompilerTests
{
    private static readonly ScriptSymbol[] Vars =
    [
        new("Count", typeof(int)),
        new("Name", typeof(string)),
        new("Candidate", typeof(JsonNode)),
        new("my-var", typeof(string)),
        new("class", typeof(bool)),
    ];

    private static CSharpScriptCompiler CreateSut(CSharpScriptOptions? options = null) => new(options ?? new CSharpScriptOptions());

    [Fact]
    public void Compile_Expression_ReturnsItsValue()
    {
        var context = new TestScriptContext();
        context.Variables["Count"] = 41;

        CreateSut().Run("Variables.Count + 1", context, variables: Vars).ShouldBe(42);
    }

    [Fact]
    public void Compile_Body_ReturnsWhatItReturns()
    {
        CreateSut().Run("var x = 1;\nfor (var i = 0; i < 3; i++) { x *= 2; }\nreturn x * 2;").ShouldBe(16);
    }

    [Fact]
    public void Compile_BodyWithoutReturn_ReturnsNull()
    {
        var context = new TestScriptContext();

        CreateSut().Run("Variables.Count = 7;", context, variables: Vars).ShouldBeNull();

        context.Variables["Count"].ShouldBe(7);
    }

    [Theory]
    [InlineData("\"abc\"", typeof(string), "abc")]
    [InlineData("1 + 1", typeof(int), 2)]
    [InlineData("Trigger[\"count\"]", typeof(int), 5)]
    [InlineData("Trigger[\"count\"]", typeof(string), "5")]
    [InlineData("\"true\"", typeof(bool), true)]
    [InlineData("1 + 1", null, 2)]
    public void Compile_ResultType_ConvertsTheResult(string code, Type? resultType, object expected)
    {
        var context = new TestScriptContext { Trigger = new TriggerData(JsonNode.Parse("""{"count":5}""")) };

        CreateSut().Run(code, context, resultType).ShouldBe(expected);
    }

    [Fact]
    public void Variables_AreTypedForReadAndWrite()
    {
        var context = new TestScriptContext();
        context.Variables["Name"] = "Ada";
        context.Variables["Candidate"] = JsonNode.Parse("""{"firstName":"Grace","tags":["a","b"]}""");
        context.Variables["Count"] = "3"; // stored as text: converted to the declared int

        var result = CreateSut().Run(
            """
            Variables.Count += 2;
            Variables.Name = Variables.Name.ToUpperInvariant();
            Variables.Candidate["lastName"] = "Hopper";
            return Variables.Candidate["firstName"]!.GetValue<string>() + " " + Variables.Candidate["tags"]!.AsArray().Count;
            """,
            context,
            variables: Vars);

        result.ShouldBe("Grace 2");
        context.Variables["Count"].ShouldBe(5);
        context.Variables["Name"].ShouldBe("ADA");
        ((JsonNode)context.Variables["Candidate"]!)["lastName"]!.GetValue<string>().ShouldBe("Hopper");
    }

    [Fact]
    public void Variables_NamesThatAreNoIdentifiers_AreReachableThroughHelpers()
    {
        var context = new TestScriptContext();
        context.Variables["my-var"] = "x";
        context.Variables["class"] = true;

        CreateSut().Run("""GetVariable<string>("my-var") + Variables.@class""", context, variables: Vars).ShouldBe("xTrue");
    }

    [Fact]
    public void Input_IsTypedAndReadOnly()
    {
        var inputs = new ScriptSymbol[] { new("Limit", typeof(int)) };
        var context = new TestScriptContext();
        context.Inputs["Limit"] = 10L;
        var sut = CreateSut();

        sut.Run("Input.Limit * 2", context, inputs: inputs).ShouldBe(20);
        sut.Compile(Scripts.Request("Input.Limit = 3;", inputs: inputs)).Diagnostics.ShouldContain(d => d.Code == "CS0200");
    }

    [Fact]
    public void Trigger_IndexesTheBodyAndReadsHeaders()
    {
        var context = new TestScriptContext
        {
            Trigger = new TriggerData(
                JsonNode.Parse("""{"email":"a@b.c","id":7}"""),
                new Dictionary<string, string> { ["X-Event"] = "candidate.created" }),
        };

        CreateSut().Run("""Trigger["email"]?.ToString() + "|" + Trigger.Headers["x-event"] + "|" + Trigger["missing"]?.ToString()""", context)
            .ShouldBe("a@b.c|candidate.created|");
    }

    [Fact]
    public void Output_From_ReadsActivityOutputs()
    {
        var context = new TestScriptContext();
        context.Outputs["fetchJobs"] = JsonNode.Parse("""[{"id":"j1"},{"id":"j2"}]""");
        context.Outputs["export.Result"] = JsonValue.Create("ok");

        CreateSut().Run("""Output.From("fetchJobs")!.AsArray().Count + ":" + Output.From("export", "Result")""", context)
            .ShouldBe("2:ok");
    }

    [Fact]
    public void Mappings_Tenant_Now_AndHelpers_AreAvailable()
    {
        var context = new TestScriptContext
        {
            Mappings = new MappingTables(new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["jobs"] = new Dictionary<string, string> { ["hj-1"] = "sr-9" },
            }),
        };

        var result = CreateSut().Run(
            """
            var job = Mappings["jobs"]["hj-1"];
            var none = Mappings["nope"]["x"] ?? "-";
            var json = ToJson(new { job, tenant = Tenant, year = Now.Year });
            CorrelationId = "c-" + WorkflowInstanceId;
            return json!.ToJsonString() + none + ParseJson("[1,2]")!.AsArray().Count;
            """,
            context);

        result.ShouldBe("""{"job":"sr-9","tenant":"acme","year":2026}-2""");
        context.CorrelationId.ShouldBe("c-wi-1");
    }

    [Fact]
    public void Compile_UsingDirectivesAtTheTop_AreHonoured()
    {
        CreateSut().Run("using static System.Math;\nusing SB = System.Text.StringBuilder;\nreturn new SB().Append(Max(2, 3)).ToString();").ShouldBe("3");
    }

    [Fact]
    public void Compile_LinqLambdasLocalFunctionsAndQueries_Work()
    {
        var result = CreateSut().Run(
            """
            int Square(int x) => x * x;
            void Nothing() { }
            Nothing();
            Action<int> sink = _ => Nothing();
            sink(1);
            Func<int, int> twice = delegate (int x) { return x * 2; };
            var q = from n in Enumerable.Range(1, 4) let s = Square(n) where s > 1 select twice(s);
            Func<int> boom = () => throw new InvalidOperationException();
            goto done;
            done:
            switch (q.Sum()) { case 58: return "ok"; default: return "bad"; }
            """);

        result.ShouldBe("ok");
    }

    [Fact]
    public void Diagnostics_ReportActivityInputAndPositionInTheUsersCode()
    {
        var request = new ScriptCompilationRequest(
        [
            new ScriptSource("a1", "first", "1 + 1"),
            new ScriptSource("a2", "condition", "var a = 1;\n    return x + a;"),
        ]);

        var compiled = CreateSut().Compile(request);

        compiled.Success.ShouldBeFalse();
        var error = compiled.Diagnostics.ShouldHaveSingleItem();
        error.ActivityId.ShouldBe("a2");
        error.InputName.ShouldBe("condition");
        (error.Line, error.Column).ShouldBe((2, 12));
        error.Code.ShouldBe("CS0103");
        error.ToString().ShouldBe("activity a2 input 'condition' (2:12): error CS0103: The name 'x' does not exist in the current context");
        compiled.Get("a1", "first").ShouldBeNull();
    }

    [Fact]
    public void Diagnostics_ForSyntaxErrors_PointIntoTheUsersCode()
    {
        var sut = CreateSut();

        var body = sut.Errors("var a = 1;\nreturn a").First();
        (body.Line, body.Column, body.Code).ShouldBe((2, 9, "CS1002"));

        var expression = sut.Errors("Variables +").First();
        expression.Line.ShouldBe(1);
        expression.Column.ShouldBe(12);
    }

    [Fact]
    public void Diagnostics_AfterUsings_KeepLineNumbers()
    {
        var error = CreateSut().Errors("using System.Text;\n\nreturn nope;").ShouldHaveSingleItem();

        (error.Line, error.Column).ShouldBe((3, 8));
    }

    [Fact]
    public void Check_ReturnsDiagnosticsWithoutLoading()
    {
        var sut = CreateSut();

        sut.Check(Scripts.Request("1 +")).ShouldNotBeEmpty();
        sut.Check(Scripts.Request("1 + 1")).ShouldBeEmpty();
        sut.CachedCount.ShouldBe(0);
    }

    [Fact]
    public void Compile_SameContentTwice_ReturnsTheCachedObject()
    {
        var sut = CreateSut();

        var first = sut.CompileOk(Scripts.Request("40 + 2"));
        var second = sut.CompileOk(Scripts.Request("40 + 2"));
        var other = sut.CompileOk(Scripts.Request("40 + 3"));

        second.ShouldBeSameAs(first);
        other.ShouldNotBeSameAs(first);
        first.ContentHash.ShouldNotBe(other.ContentHash);
    }

    [Fact]
    public async Task Compile_SameContentConcurrently_ConvergesOnOneInstance()
    {
        var sut = CreateSut();
        var request = Scripts.Request("\"concurrent\"");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => sut.Compile(request), TestContext.Current.CancellationToken)));

        results.Distinct().Count().ShouldBe(1);
        sut.CachedCount.ShouldBe(1);
        results[0].Get("a1", "value")!.Evaluate(new TestScriptContext(), Scripts.Budget).ShouldBe("concurrent");
    }

    [Fact]
    public void Compile_DuplicateActivityInput_IsAnError()
    {
        var compiled = CreateSut().Compile(new ScriptCompilationRequest([new ScriptSource("a", "b", "1"), new ScriptSource("a", "b", "2")]));

        compiled.Success.ShouldBeFalse();
        compiled.Diagnostics.ShouldContain(d => d.Code == "RE0003");
    }

    [Fact]
    public void Evaluate_UserException_PropagatesAsIs()
    {
        var compiled = CreateSut().CompileOk(Scripts.Request("""throw new InvalidOperationException("nope");"""));

        Should.Throw<InvalidOperationException>(() => compiled.Get("a1", "value")!.Evaluate(new TestScriptContext(), Scripts.Budget)).Message.ShouldBe("nope");
    }

    [Fact]
    public void Compile_Warnings_AreReportedButDoNotFail()
    {
        var compiled = CreateSut().Compile(Scripts.Request("int unused;\nreturn 1;"));

        compiled.Success.ShouldBeTrue();
        var warning = compiled.Diagnostics.ShouldHaveSingleItem();
        (warning.Severity, warning.Code, warning.Line, warning.Column).ShouldBe(("warning", "CS0168", 1, 5));
    }
}
