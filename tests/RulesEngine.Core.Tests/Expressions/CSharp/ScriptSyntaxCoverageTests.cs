using RulesEngine.Core.Expressions.CSharp;

namespace RulesEngine.Core.Tests.Expressions.CSharp;

/// <summary>
/// The sandbox walker and the instrumenter see every syntax form users may write; none of them may make the
/// compiler itself throw, and valid, harmless code must still run.
/// </summary>
public sealed class ScriptSyntaxCoverageTests
{
    public static TheoryData<string, object?> ValidScripts => new()
    {
        { "var a = new int[] { 1, 2 }; var b = new int[2, 2]; b[1, 1] = a[^1]; return b[1, 1] + a[0..1].Length;", 3 },
        { "int.TryParse(\"12\", out var n); ref int r = ref n; r++; return n;", 13 },
        { "static int Add<T>(T x, int y) => y + 1; return Add(\"x\", 1);", 2 },
        { "var f = static (int x) => x * 3; return f(2);", 6 },
        { "var f = (int x, params int[] rest) => x + rest.Length; return f(1, 2, 3);", 3 },
        { "var p = new { A = 1 }; var q = p with { A = 2 }; return q.A;", 2 },
        { "checked { return sizeof(int) + default(int); }", 4 },
        { "object o = 5; return o is int i and > 3 ? i : 0;", 5 },
        { "string? s = null; return s!?.Length ?? -1;", -1 },
        { "const int K = 2; var (x, _) = (K, 9); return x;", 2 },
        { "var list = new List<int> { 3, 1, 2 }; list.Sort((a, b) => a.CompareTo(b)); return list[0];", 1 },
        { "IEnumerable<int> Gen() { for (var i = 0; ; i++) yield return i; } return Gen().Take(3).Sum();", 3 },
        { "var n = 0; while (n < 3) { n++; continue; } do { n--; } while (n > 1); return n;", 1 },
        { "var s = 0; foreach (var (k, v) in new Dictionary<string, int> { [\"a\"] = 4 }) { s += v; } return s;", 4 },
        { "try { throw new FormatException(); } catch (FormatException e) when (e.Message.Length > 0) { return 1; } finally { }", 1 },
        { "var q = from x in new[] { 1, 2, 3 } group x by x % 2 into g orderby g.Key select g.Count(); return q.First();", 1 },
        { "var x = 1; x += 2; x <<= 1; return x switch { 6 => \"six\", _ => \"?\" };", "six" },
        { "#region r\nreturn 1;\n#endregion", 1 },
        { "Func<Func<int>> f = () => () => 7; return f()();", 7 },
        { "Lazy<int> l = new(() => 8); return l.Value;", 8 },
        { "var log = \"\"; try { log += \"t\"; throw new Exception(); } catch { log += \"c\"; } finally { log += \"f\"; } return log;", "tcf" },
        { "try { return int.Parse(\"x\"); } catch (FormatException) { return -1; }", -1 },
        { "// only a comment", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(ValidScripts))]
    public void Compile_ValidScript_Runs(string code, object? expected)
    {
        new CSharpScriptCompiler().Run(code).ShouldBe(expected);
    }

    [Theory]
    [InlineData("return;")]
    [InlineData("}")]
    [InlineData("{")]
    [InlineData("1; } class Evil { static Evil() { } } class X { object M() { return 1")]
    [InlineData(") + 1")]
    [InlineData("\"unterminated")]
    [InlineData("/* unterminated")]
    [InlineData("#if X\nreturn 1;")]
    [InlineData("using System.IO")]
    [InlineData("x => x + 1")]
    [InlineData("__arglist")]
    [InlineData("goto nowhere;")]
    public void Compile_InvalidScript_ReportsDiagnosticsWithoutThrowing(string code)
    {
        var errors = new CSharpScriptCompiler().Errors(code);

        errors.ShouldNotBeEmpty();
        errors.ShouldAllBe(d => d.ActivityId == "a1" && d.Line >= 1 && d.Column >= 1);
    }
}
