using System.Globalization;
using System.Text.RegularExpressions;
using Acornima;
using Script = Acornima.Ast.Script;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;
using Microsoft.Extensions.Options;
using RulesEngine.Core.Expressions.CSharp;
using RulesEngine.Core.Model;

namespace RulesEngine.Core.Expressions.JavaScript;

/// <summary>
/// Elsa 3's <c>JavaScript</c> expressions, run by Jint without CLR access. Scripts see Elsa's helper functions
/// (<c>getVariable</c>, <c>setVariable</c>, <c>get&lt;Name&gt;</c>/<c>set&lt;Name&gt;</c> per variable, <c>getInput</c>,
/// <c>getOutputFrom</c>, <c>getLastResult</c>, <c>getWorkflowInstanceId</c>, <c>getCorrelationId</c>, <c>setCorrelationId</c>,
/// <c>isNullOrEmpty</c>, <c>parseGuid</c>, <c>toJson</c>, …) and the <c>variables</c> and <c>input</c> objects.
/// The value of the last statement is the result; a top-level <c>return</c> is accepted too.
/// </summary>
public sealed partial class JavaScriptExpressionHandler(IOptions<JavaScriptOptions> options) : IExpressionHandler
{
    private const int MaxCachedScripts = 10_000;
    private readonly JavaScriptOptions _options = options.Value;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Prepared<Script>> _prepared = new(StringComparer.Ordinal);

    public JavaScriptExpressionHandler()
        : this(Microsoft.Extensions.Options.Options.Create(new JavaScriptOptions()))
    {
    }

    public string Type => Expression.JavaScript;

    public IEnumerable<(string Message, int? Line, int? Column)> Validate(Expression expression)
    {
        var code = expression.ValueText ?? string.Empty;
        if (string.IsNullOrWhiteSpace(code))
        {
            return [];
        }

        try
        {
            // Elsa accepts a top-level return (it runs the code as a function body when needed), so the check does too.
            new Parser(new ParserOptions { AllowReturnOutsideFunction = true }).ParseScript(code);
            return [];
        }
        catch (ParseErrorException ex)
        {
            return [($"JavaScript syntax error: {ex.Description}", ex.LineNumber, ex.Column + 1)];
        }
    }

    public ValueTask<object?> EvaluateAsync(Expression expression, ExpressionEvaluationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var code = expression.ValueText ?? string.Empty;
        if (string.IsNullOrWhiteSpace(code))
        {
            return ValueTask.FromResult<object?>(null);
        }

        using var engine = CreateEngine(context.Budget, cancellationToken);
        var variablesObject = Install(engine, context);
        var before = variablesObject is null ? null : JsBridge.ToNode(engine, variablesObject)?.ToJsonString();
        JsValue result;
        try
        {
            result = Run(engine, code);
        }
        catch (TimeoutException ex)
        {
            throw new ScriptTimeoutException($"JavaScript exceeded its time budget of {(long)context.Budget.TotalMilliseconds} ms", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ScriptTimeoutException($"JavaScript exceeded its budget of {_options.MaxStatements} statements", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new ScriptRecursionException($"JavaScript recursion is deeper than {_options.MaxRecursionDepth} calls", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            throw new InvalidOperationException($"JavaScript used more than {_options.MaxMemoryBytes} bytes of memory", ex);
        }
        catch (ExecutionCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (JavaScriptException ex)
        {
            throw new InvalidOperationException($"JavaScript error at {ex.Location.Start.Line}:{ex.Location.Start.Column + 1}: {ex.Message}", ex);
        }

        // Assignments to variables.X write the variable back, as Elsa's variables object does.
        if (variablesObject is not null && before is not null && JsBridge.ToNode(engine, variablesObject) is System.Text.Json.Nodes.JsonObject after
            && after.ToJsonString() != before && System.Text.Json.Nodes.JsonNode.Parse(before) is System.Text.Json.Nodes.JsonObject old)
        {
            foreach (var (name, value) in after)
            {
                if (!System.Text.Json.Nodes.JsonNode.DeepEquals(old[name], value))
                {
                    context.Script.SetVariable(name, value?.DeepClone());
                }
            }
        }

        return ValueTask.FromResult(JsBridge.FromJs(engine, result));
    }

    private JsValue Run(Engine engine, string code) => engine.Evaluate(Prepare(code));

    /// <summary>Parses once per distinct code (the parsed script is immutable and shared by every engine).</summary>
    private Prepared<Script> Prepare(string code)
    {
        if (_prepared.TryGetValue(code, out var prepared))
        {
            return prepared;
        }

        try
        {
            prepared = Engine.PrepareScript(code);
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse && ReturnOutsideFunction(parse))
        {
            prepared = Engine.PrepareScript(Wrap(code));
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse)
        {
            throw new InvalidOperationException($"JavaScript syntax error at {parse.LineNumber}:{parse.Column + 1}: {parse.Description}", ex);
        }

        if (_prepared.Count >= MaxCachedScripts)
        {
            _prepared.Clear();
        }

        _prepared[code] = prepared;
        return prepared;
    }

    private static bool ReturnOutsideFunction(ParseErrorException ex) => ex.Description.Contains("return", StringComparison.OrdinalIgnoreCase);

    private static string Wrap(string code) => "(function () {\n" + code + "\n})()";

    private Engine CreateEngine(TimeSpan budget, CancellationToken cancellationToken) => new(o =>
    {
        // No AllowClr and no CLR types registered: scripts reach nothing of .NET but the functions installed below.
        o.TimeoutInterval(budget);
        o.MaxStatements(_options.MaxStatements);
        o.LimitRecursion(_options.MaxRecursionDepth);
        o.LimitMemory(_options.MaxMemoryBytes);
        o.CancellationToken(cancellationToken);
        o.Culture = CultureInfo.InvariantCulture;
        o.TimeZone = TimeZoneInfo.Utc;
    });

    /// <summary>Installs the helpers; returns the <c>variables</c> object (null when the workflow has none).</summary>
    private static JsValue? Install(Engine engine, ExpressionEvaluationContext context)
    {
        var script = context.Script;
        var definition = context.Blueprint.Definition;
        void Fn(string name, Func<JsValue[], JsValue> body) =>
            engine.SetValue(name, new ClrFunction(engine, name, (_, args) => body(args)));
        JsValue Arg(JsValue[] args, int i) => i < args.Length ? args[i] : JsValue.Undefined;

        Fn("getVariable", a => JsBridge.ToJs(engine, script.GetVariable(JsBridge.AsText(Arg(a, 0)) ?? string.Empty)));
        Fn("setVariable", a =>
        {
            script.SetVariable(JsBridge.AsText(Arg(a, 0)) ?? string.Empty, JsBridge.FromJs(engine, Arg(a, 1)));
            return JsValue.Undefined;
        });
        Fn("getInput", a => JsBridge.ToJs(engine, script.GetInput(JsBridge.AsText(Arg(a, 0)) ?? string.Empty)));
        Fn("getOutputFrom", a => JsBridge.ToJs(engine, script.GetActivityOutput(JsBridge.AsText(Arg(a, 0)) ?? string.Empty, JsBridge.AsText(Arg(a, 1)))));
        Fn("getLastResult", _ => JsBridge.ToJs(engine, context.LastResult));
        Fn("getWorkflowInstanceId", _ => new JsString(script.WorkflowInstanceId));
        Fn("getWorkflowDefinitionId", _ => new JsString(definition.DefinitionId));
        Fn("getWorkflowDefinitionVersion", _ => new JsNumber(definition.Version));
        Fn("getCorrelationId", _ => script.CorrelationId is { } c ? new JsString(c) : JsValue.Null);
        Fn("setCorrelationId", a =>
        {
            script.CorrelationId = JsBridge.AsText(Arg(a, 0));
            return JsValue.Undefined;
        });
        Fn("isNullOrEmpty", a => string.IsNullOrEmpty(JsBridge.AsText(Arg(a, 0))) ? JsBoolean.True : JsBoolean.False);
        Fn("isNullOrWhiteSpace", a => string.IsNullOrWhiteSpace(JsBridge.AsText(Arg(a, 0))) ? JsBoolean.True : JsBoolean.False);
        Fn("parseGuid", a => Guid.TryParse(JsBridge.AsText(Arg(a, 0)), out var g) ? new JsString(g.ToString("D")) : JsValue.Null);
        Fn("newGuid", _ => new JsString(Guid.NewGuid().ToString("D")));
        Fn("newGuidString", _ => new JsString(Guid.NewGuid().ToString("D")));
        Fn("toJson", a => JsBridge.ToNode(engine, Arg(a, 0)) is { } node ? new JsString(node.ToJsonString()) : new JsString("null"));
        Fn("setOutcome", a =>
        {
            if (JsBridge.AsText(Arg(a, 0)) is { Length: > 0 } outcome)
            {
                JavaScriptOutcomes.Current?.Add(outcome);
            }

            return JsValue.Undefined;
        });
        Fn("setOutcomes", a =>
        {
            if (JsBridge.ToNode(engine, Arg(a, 0)) is System.Text.Json.Nodes.JsonArray list)
            {
                foreach (var item in list)
                {
                    if (item?.GetValue<object>()?.ToString() is { Length: > 0 } outcome)
                    {
                        JavaScriptOutcomes.Current?.Add(outcome);
                    }
                }
            }

            return JsValue.Undefined;
        });

        var input = new System.Text.Json.Nodes.JsonObject();
        foreach (var (name, value) in context.Inputs)
        {
            input[name] = Execution.ValueConverter.ToNode(value)?.DeepClone();
        }

        engine.SetValue("input", JsBridge.ToJs(engine, input));
        foreach (var declared in definition.Inputs)
        {
            if (IsIdentifier(declared.Name))
            {
                var name = declared.Name;
                Fn("get" + name, _ => JsBridge.ToJs(engine, script.GetInput(name)));
            }
        }

        if (definition.Variables.Count == 0)
        {
            engine.SetValue("variables", new Jint.Native.JsObject(engine));
            return null;
        }

        var variables = new System.Text.Json.Nodes.JsonObject();
        foreach (var declared in definition.Variables)
        {
            var name = declared.Name;
            variables[name] = Execution.ValueConverter.ToNode(script.GetVariable(name))?.DeepClone();
            if (IsIdentifier(name))
            {
                // Variables win over inputs of the same name, as declared later.
                Fn("get" + name, _ => JsBridge.ToJs(engine, script.GetVariable(name)));
                Fn("set" + name, a =>
                {
                    script.SetVariable(name, JsBridge.FromJs(engine, Arg(a, 0)));
                    return JsValue.Undefined;
                });
            }
        }

        var variablesObject = JsBridge.ToJs(engine, variables);
        engine.SetValue("variables", variablesObject);
        return variablesObject;
    }

    private static bool IsIdentifier(string name) => IdentifierPattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex IdentifierPattern();
}
