using System.Diagnostics;
using RulesEngine.Core.Expressions.CSharp;

namespace RulesEngine.Core.Tests.Expressions.CSharp;

public sealed class ScriptBudgetTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

    private static CSharpScriptCompiler CreateSut() => new();

    [Theory]
    [InlineData("while (true) { }")]
    [InlineData("while (true);")]
    [InlineData("for (;;) { }")]
    [InlineData("do { } while (true);")]
    [InlineData("foreach (var i in Enumerable.Repeat(1, int.MaxValue)) { } return 0;")]
    [InlineData("again: goto again;")]
    [InlineData("var i = 0; switch (i) { case 0: goto case 1; case 1: goto case 0; } return 0;")]
    [InlineData("Enumerable.Range(0, int.MaxValue).Select(i => i).Count(i => i < 0)")]
    [InlineData("(from a in Enumerable.Range(0, int.MaxValue) from b in Enumerable.Range(0, int.MaxValue) select a + b).Count()")]
    [InlineData("while (true) { try { while (true) { } } catch { } }")]
    public void Evaluate_EndlessLoop_IsStoppedWithinTheBudget(string code)
    {
        var script = CreateSut().CompileOk(Scripts.Request(code)).Get("a1", "value")!;
        var watch = Stopwatch.StartNew();

        var error = Should.Throw<ScriptTimeoutException>(() => script.Evaluate(new TestScriptContext(), Short));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        error.Message.ShouldBe("script exceeded its time budget of 200 ms");
    }

    [Fact]
    public void Evaluate_AfterATimeout_TheNextEvaluationOnTheThreadRunsNormally()
    {
        var compiled = CreateSut().CompileOk(new([new("a", "loop", "while (true) { }"), new("a", "sum", "var s = 0; for (var i = 0; i < 1000; i++) s += i; return s;")]));

        Should.Throw<ScriptTimeoutException>(() => compiled.Get("a", "loop")!.Evaluate(new TestScriptContext(), Short));

        compiled.Get("a", "sum")!.Evaluate(new TestScriptContext(), Short).ShouldBe(499500);
    }

    [Fact]
    public void Evaluate_SwallowingTheTimeout_StillTimesOut()
    {
        var script = CreateSut().CompileOk(Scripts.Request("try { while (true) { } } catch (Exception) { } return 1;")).Get("a1", "value")!;

        Should.Throw<ScriptTimeoutException>(() => script.Evaluate(new TestScriptContext(), Short));
    }

    [Theory]
    [InlineData("int F(int n) => F(n + 1) + 1; return F(0);")]
    [InlineData("int F(int n) { return F(n + 1) + 1; } return F(0);")]
    [InlineData("Func<int, int> f = null; f = n => f(n + 1) + 1; return f(0);")]
    [InlineData("Func<int, int> f = null; f = delegate (int n) { return f(n + 1) + 1; }; return f(0);")]
    public void Evaluate_UnboundedRecursion_ThrowsInsteadOfCrashing(string code)
    {
        var script = CreateSut().CompileOk(Scripts.Request(code)).Get("a1", "value")!;

        // Run on a thread with a small stack as well, the way a worker pool might.
        Exception? error = null;
        var thread = new Thread(() => error = Record.Exception(() => script.Evaluate(new TestScriptContext(), TimeSpan.FromSeconds(10))), 512 * 1024);
        thread.Start();
        thread.Join();

        error.ShouldBeOfType<ScriptRecursionException>();
        Should.Throw<ScriptRecursionException>(() => script.Evaluate(new TestScriptContext(), TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData("int F(int n) { try { return F(n + 1); } catch { return F(n + 1); } } return F(0);")]
    [InlineData("int F(int n) { try { return F(n + 1); } catch (Exception e) when (e.Message.Length > 0) { return F(n + 1); } } return F(0);")]
    [InlineData("int F(int n) { try { return F(n + 1); } finally { F(n + 1); } } return F(0);")]
    [InlineData("while (true) { try { while (true) { } } finally { while (true) { } } }")]
    public void Evaluate_ScriptThatCatchesTheGuard_IsStillStopped(string code)
    {
        // Handlers run on top of the deep stack: a script must not be able to catch the guard and go on.
        var script = CreateSut().CompileOk(Scripts.Request(code)).Get("a1", "value")!;
        var watch = Stopwatch.StartNew();

        var error = Record.Exception(() => script.Evaluate(new TestScriptContext(), Short));

        error.ShouldNotBeNull();
        error.ShouldBeAssignableTo<Exception>().GetType().ShouldBeOneOf(typeof(ScriptTimeoutException), typeof(ScriptRecursionException));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Evaluate_RepeatedWithBudget_SeesEachNewValue()
    {
        // One compiled script serves every evaluation (its speed is measured in bench/); each call reads the current variables.
        var context = new TestScriptContext();
        var script = CreateSut().CompileOk(Scripts.Request("Variables.X + 1", variables: [new("X", typeof(int))])).Get("a1", "value")!;
        for (var i = 0; i < 1_000; i++)
        {
            context.Variables["X"] = i;
            script.Evaluate(context, Scripts.Budget).ShouldBe(i + 1);
        }
    }

    [Fact]
    public void CompiledScript_CalledDirectly_RunsWithoutBudget()
    {
        var script = CreateSut().CompileOk(Scripts.Request("var s = 0; for (var i = 0; i < 100; i++) s += i; return s;")).Get("a1", "value")!;

        script(new TestScriptContext()).ShouldBe(4950);
    }
}
