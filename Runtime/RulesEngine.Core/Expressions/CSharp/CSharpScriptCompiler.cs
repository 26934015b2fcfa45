using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>
/// Compiles a workflow version's C# expressions into one collectible assembly, behind a sandbox.
/// </summary>
/// <remarks>
/// This uses <see cref="CSharpCompilation"/> directly rather than <c>CSharpScript</c>: a script object per
/// expression would mean one assembly per expression, loaded into the default context where it can never be
/// unloaded. One compilation per workflow version gives one assembly in one collectible
/// <see cref="System.Runtime.Loader.AssemblyLoadContext"/>, cached by content hash and unloaded on retirement.
/// Compiling is a two-step affair: the user's code is type-checked and vetted by <see cref="SandboxWalker"/> as
/// written (so positions map exactly to what the user typed), then <see cref="BudgetInstrumenter"/> adds the time
/// and stack checks and the instrumented trees are emitted.
/// </remarks>
public sealed class CSharpScriptCompiler
{
    private const string InstrumentationFailed = "RE0009";
    private const string DuplicateScript = "RE0003";
    private const string SandboxHint = "Scripts can use only an allowlisted part of .NET (no file system, network, processes, reflection or threads).";

    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            allowUnsafe: false,
            nullableContextOptions: NullableContextOptions.Annotations,
            deterministic: true)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            // Compiling against implementation assemblies triggers version-unification notes that mean nothing to users.
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    private readonly ScriptCache _cache;
    private readonly ILogger _logger;

    /// <summary>For dependency injection.</summary>
    public CSharpScriptCompiler(IOptions<CSharpScriptOptions> options, ILogger<CSharpScriptCompiler> logger)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)), logger)
    {
    }

    /// <summary>With default options and no logging (tests, benchmarks, tools).</summary>
    public CSharpScriptCompiler()
        : this(new CSharpScriptOptions())
    {
    }

    public CSharpScriptCompiler(CSharpScriptOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _logger = logger ?? NullLogger.Instance;
        _cache = new ScriptCache(options.CacheCapacity);
    }

    public CSharpScriptOptions Options { get; }

    /// <summary>How many compiled requests are cached (and loaded) now.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>
    /// Compiles (or fetches from the cache) all scripts of <paramref name="request"/>. Equal requests return the
    /// same <see cref="CompiledScripts"/> instance while it is cached.
    /// </summary>
    public CompiledScripts Compile(ScriptCompilationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = ComputeHash(request);
        if (_cache.TryGet(hash, out var cached))
        {
            return cached;
        }

        var started = Stopwatch.GetTimestamp();
        var analysis = Analyze(request);
        var compiled = analysis.HasErrors
            ? new CompiledScripts(hash, analysis.Diagnostics, null, null, _cache)
            : Emit(hash, analysis);
        Log.ScriptsCompiled(_logger, hash[..16], request.Scripts.Count, compiled.Success, compiled.Diagnostics.Count(d => d.IsError), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return _cache.Add(compiled);
    }

    /// <summary>Diagnostics only (for the designer, while the user types): nothing is emitted or loaded.</summary>
    public IReadOnlyList<ScriptDiagnostic> Check(ScriptCompilationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _cache.TryGet(ComputeHash(request), out var cached) ? cached.Diagnostics : Analyze(request).Diagnostics;
    }

    private static Analysis Analyze(ScriptCompilationRequest request)
    {
        var diagnostics = new List<ScriptDiagnostic>();
        var scripts = new List<GeneratedScript>(request.Scripts.Count);
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < request.Scripts.Count; i++)
        {
            var source = request.Scripts[i];
            if (!seen.Add((source.ActivityId, source.InputName)))
            {
                diagnostics.Add(new ScriptDiagnostic(source.ActivityId, source.InputName, 1, 1, ScriptDiagnostic.Error, DuplicateScript, "more than one script for the same activity input"));
                continue;
            }

            if (ScriptCodeGenerator.Generate(source, i, diagnostics) is { } script)
            {
                scripts.Add(script);
            }
        }

        var host = ScriptCodeGenerator.GenerateHost(request);
        var compilation = CSharpCompilation.Create(
            "RulesEngine.Scripts",
            [host, .. scripts.Select(s => s.Tree)],
            ScriptReferences.All,
            CompilationOptions);

        var byTree = scripts.ToDictionary(s => s.Tree);
        foreach (var diagnostic in compilation.GetDiagnostics())
        {
            if (diagnostic.Severity < DiagnosticSeverity.Warning)
            {
                continue;
            }

            var severity = diagnostic.Severity == DiagnosticSeverity.Error ? ScriptDiagnostic.Error : ScriptDiagnostic.Warning;
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            if (diagnostic.Id is "CS0234" or "CS0246")
            {
                // Users cannot add references; tell them why System.Net.Http & co. are missing.
                message += " " + SandboxHint;
            }

            var location = diagnostic.Location;
            if (location.SourceTree is { } tree && byTree.TryGetValue(tree, out var owner))
            {
                // Warnings about generated glue are noise; errors are the user's, wherever the compiler puts them.
                if (severity == ScriptDiagnostic.Error || owner.IsUserSpan(location.SourceSpan))
                {
                    diagnostics.Add(owner.ToDiagnostic(location.SourceSpan.Start, severity, diagnostic.Id, message));
                }
            }
            else if (severity == ScriptDiagnostic.Error)
            {
                diagnostics.Add(new ScriptDiagnostic(string.Empty, string.Empty, 0, 0, severity, diagnostic.Id, message));
            }
        }

        var models = new Dictionary<SyntaxTree, SemanticModel>();
        foreach (var script in scripts)
        {
            var model = compilation.GetSemanticModel(script.Tree);
            models[script.Tree] = model;
            SandboxWalker.Check(script, model, diagnostics);
        }

        var order = request.Scripts.Select((s, i) => (s, i)).GroupBy(x => (x.s.ActivityId, x.s.InputName)).ToDictionary(g => g.Key, g => g.First().i);
        var sorted = diagnostics
            .OrderBy(d => order.TryGetValue((d.ActivityId, d.InputName), out var i) ? i : -1)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToList();
        return new Analysis(compilation, scripts, models, sorted);
    }

    private CompiledScripts Emit(string hash, Analysis analysis)
    {
        var compilation = analysis.Compilation.WithAssemblyName("RulesEngine.Scripts." + hash[..16]);
        foreach (var script in analysis.Scripts)
        {
            compilation = compilation.ReplaceSyntaxTree(script.Tree, BudgetInstrumenter.Instrument(script.Tree, analysis.Models[script.Tree]));
        }

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            // The user's code compiled before instrumentation, so this is our bug; say so rather than blame the script.
            var errors = result.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => new ScriptDiagnostic(string.Empty, string.Empty, 0, 0, ScriptDiagnostic.Error, InstrumentationFailed, "internal error while instrumenting scripts: " + d.GetMessage(CultureInfo.InvariantCulture)))
                .ToList();
            return new CompiledScripts(hash, [.. analysis.Diagnostics, .. errors], null, null, _cache);
        }

        image.Position = 0;
        var context = new ScriptLoadContext("RulesEngine.Scripts." + hash[..16]);
        var assembly = context.LoadFromStream(image);
        var type = assembly.GetType(ScriptCodeGenerator.FullClassName, throwOnError: true)!;
        var delegates = new Dictionary<(string, string), CompiledScript>();
        foreach (var script in analysis.Scripts)
        {
            // Bound once here; calling the delegate is a plain static call, no reflection per evaluation.
            var method = type.GetMethod(script.RunMethodName, BindingFlags.Public | BindingFlags.Static)!;
            delegates[(script.Source.ActivityId, script.Source.InputName)] = method.CreateDelegate<CompiledScript>();
        }

        return new CompiledScripts(hash, analysis.Diagnostics, delegates, context, _cache);
    }

    private static string ComputeHash(ScriptCompilationRequest request)
    {
        var text = new StringBuilder();
        void Add(string? value) => text.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
        void AddType(Type? type) => Add(type?.AssemblyQualifiedName ?? type?.FullName ?? type?.Name);

        text.Append("s").Append(request.Scripts.Count);
        foreach (var script in request.Scripts)
        {
            Add(script.ActivityId);
            Add(script.InputName);
            Add(script.Code);
            AddType(script.ResultType);
        }

        foreach (var (prefix, symbols) in new[] { ("v", request.Variables), ("i", request.Inputs) })
        {
            text.Append(prefix).Append(symbols.Count);
            foreach (var symbol in symbols)
            {
                Add(symbol.Name);
                AddType(symbol.Type);
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private sealed record Analysis(
        CSharpCompilation Compilation,
        IReadOnlyList<GeneratedScript> Scripts,
        IReadOnlyDictionary<SyntaxTree, SemanticModel> Models,
        IReadOnlyList<ScriptDiagnostic> Diagnostics)
    {
        public bool HasErrors => Diagnostics.Any(d => d.IsError);
    }
}
