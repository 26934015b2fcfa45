using RulesEngine.Core.Expressions.CSharp;

namespace RulesEngine.Core.Tests.Expressions.CSharp;

public sealed class SandboxTests
{
    private static CSharpScriptCompiler CreateSut() => new();

    [Theory]
    [InlineData("File", """System.IO.File.ReadAllText("/etc/passwd")""", "System.IO.File")]
    [InlineData("FileAlias", "using F = System.IO.File;\nreturn F.Exists(\"/tmp\");", "System.IO.File")]
    [InlineData("FileGlobal", """global::System.IO.File.Exists("/tmp")""", "System.IO.File")]
    [InlineData("FileUsingStatic", "using static System.IO.File;\nreturn Exists(\"/tmp\");", "System.IO.File")]
    [InlineData("Directory", """System.IO.Directory.GetFiles("/")""", "System.IO.Directory")]
    [InlineData("GetType", "\"x\".GetType().GetMethod(\"Trim\")", "System.Object.GetType")]
    [InlineData("typeof", """typeof(string).GetMethods()""", "System.Type")]
    [InlineData("TypeGetType", """Type.GetType("System.IO.File")""", "System.Type")]
    [InlineData("Activator", """Activator.CreateInstance<object>()""", "System.Activator")]
    [InlineData("AppDomain", """AppDomain.CurrentDomain.GetAssemblies()""", "System.AppDomain")]
    [InlineData("DelegateMethod", """((Func<int>)(() => 1)).Method""", "System.Delegate.Method")]
    [InlineData("Environment", """Environment.GetEnvironmentVariable("PATH")""", "System.Environment")]
    [InlineData("EnvironmentExit", """Environment.Exit(1);""", "System.Environment")]
    [InlineData("GC", """GC.Collect();""", "System.GC")]
    [InlineData("Thread", """new System.Threading.Thread(() => { }).Start();""", "System.Threading.Thread")]
    [InlineData("ThreadPool", """System.Threading.ThreadPool.QueueUserWorkItem(_ => { });""", "System.Threading.ThreadPool")]
    [InlineData("TaskRun", """System.Threading.Tasks.Task.Run(() => 1).Result""", "System.Threading.Tasks.Task")]
    [InlineData("Timer", """new System.Threading.Timer(_ => { });""", "System.Threading.Timer")]
    [InlineData("Marshal", """System.Runtime.InteropServices.Marshal.AllocHGlobal(10)""", "System.Runtime.InteropServices.Marshal")]
    [InlineData("Unsafe", """System.Runtime.CompilerServices.Unsafe.SizeOf<int>()""", "System.Runtime.CompilerServices.Unsafe")]
    [InlineData("RuntimeHelpers", """System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(1)""", "System.Runtime.CompilerServices.RuntimeHelpers")]
    [InlineData("UsingNamespace", "using System.IO;\nreturn 1;", "System.IO")]
    [InlineData("VarOfForbiddenType", """var info = new System.IO.FileInfo("/tmp"); return 1;""", "System.IO.FileInfo")]
    [InlineData("GenericArgument", """new List<System.IO.FileInfo>()""", "System.IO.FileInfo")]
    [InlineData("StaticState", """System.Text.RegularExpressions.Regex.CacheSize = 0;""", "writing System.Text.RegularExpressions.Regex.CacheSize")]
    [InlineData("StaticCulture", """CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;""", "writing System.Globalization.CultureInfo.DefaultThreadCurrentCulture")]
    [InlineData("InternalsOfTheEngine", """new RulesEngine.Core.Expressions.CSharp.CSharpScriptCompiler()""", "RulesEngine.Core.Expressions.CSharp.CSharpScriptCompiler")]
    public void Compile_ForbiddenApi_IsRejectedNamingTheApi(string family, string code, string api)
    {
        var errors = CreateSut().Errors(code);

        errors.ShouldContain(d => d.Code == "RE0001" && d.Message.Contains("forbidden API: " + api, StringComparison.Ordinal), $"{family}: {string.Join("; ", errors)}");
    }

    [Theory]
    [InlineData("""new System.Net.Http.HttpClient().GetStringAsync("http://example.com").Result""")]
    [InlineData("""System.Diagnostics.Process.Start("sh")""")]
    [InlineData("""Console.WriteLine("x");""")]
    [InlineData("""System.Reflection.Assembly.Load("x")""")]
    [InlineData("""System.Linq.Expressions.Expression.Constant(1)""")]
    [InlineData("""System.Runtime.Loader.AssemblyLoadContext.Default""")]
    public void Compile_ApiOutsideTheReferencedAssemblies_DoesNotCompile(string code)
    {
        // Either the assembly is not referenced at all (the type does not resolve) or the walker names it.
        var errors = CreateSut().Errors(code);

        errors.ShouldNotBeEmpty();
        errors.ShouldAllBe(d => d.ActivityId == "a1" && d.InputName == "value");
        errors.ShouldContain(d => d.Code == "RE0001" || d.Message.Contains("allowlisted part of .NET", StringComparison.Ordinal) || d.Code == "CS0103");
    }

    [Theory]
    [InlineData("unsafe { int x = 1; int* p = &x; return *p; }", "unsafe")]
    [InlineData("int* p = null; return 1;", "pointers")]
    [InlineData("Span<int> s = stackalloc int[4]; return s.Length;", "unsafe code (stackalloc)")]
    [InlineData("""[System.Runtime.InteropServices.DllImport("libc")] static extern int getpid(); return getpid();""", "extern")]
    [InlineData("dynamic d = 1; return d + 1;", "dynamic")]
    [InlineData("lock (Tenant) { return 1; }", "lock")]
    [InlineData("async System.Threading.Tasks.Task<int> F() => 1; return 1;", "async")]
    [InlineData("#line 100\nreturn 1;", "preprocessor directive")]
    public void Compile_ForbiddenLanguageFeature_IsRejected(string code, string feature)
    {
        var errors = CreateSut().Errors(code);

        errors.ShouldContain(d => d.Code == "RE0002" && d.Message.Contains(feature, StringComparison.Ordinal), string.Join("; ", errors));
    }

    [Fact]
    public void Compile_Forbidden_ReportsThePositionOfTheUse()
    {
        var error = CreateSut().Errors("var ok = 1;\nvar p = System.IO.Path.GetTempPath();\nreturn ok;").First(d => d.Code == "RE0001");

        (error.Line, error.Column).ShouldBe((2, 9));
        error.Message.ShouldBe("forbidden API: System.IO.Path is not allowed in scripts");
    }

    [Fact]
    public void Compile_EverydayMappingCode_IsAllowed()
    {
        var result = CreateSut().Run(
            """
            var sb = new StringBuilder();
            var dict = new Dictionary<string, int> { ["a"] = 1 };
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "A" };
            var match = Regex.Match("job-42", @"\d+").Value;
            var doc = JsonSerializer.Serialize(new[] { 1, 2 });
            var date = DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (x, y) = (1, 2);
            sb.Append(dict["a"]).Append(set.Contains("a")).Append(match).Append(doc).Append(date).Append(x + y).Append(Math.Round(2.5)).Append(Guid.Empty.ToString()[..1]);
            return sb.ToString();
            """);

        result.ShouldBe("1True42[1,2]2026-01-0232" + "0");
    }

    [Fact]
    public void Compile_ModernSyntax_IsAllowed()
    {
        var context = new TestScriptContext { Trigger = new(System.Text.Json.Nodes.JsonNode.Parse("""{"stage":"OFFER","tags":["x"]}""")) };

        var result = CreateSut().Run(
            """
            int[] numbers = [1, 2, 3];
            List<string> names = new() { "a" };
            var stage = Trigger["stage"]?.GetValue<string>() switch
            {
                "OFFER" => "offer",
                { Length: > 10 } => "long",
                null => "none",
                _ => "other",
            };
            var tags = Trigger["tags"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } array ? array.Count : 0;
            var text = $"{stage}:{numbers.Sum():D2}:{names[0],2}:{tags}";
            var raw = @"raw";
            return text + string.Join(",", numbers.Where(n => n % 2 == 1)) + raw + nameof(numbers) + (numbers is [1, ..] ? "!" : "?");
            """,
            context);

        result.ShouldBe("offer:06: a:11,3rawnumbers!");
    }
}
