using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Model;

namespace RulesEngine.Core.Expressions.Liquid;

/// <summary>
/// Elsa 3's <c>Liquid</c> expressions, rendered by Fluid: <c>{{ Variables.X }}</c>, <c>{{ Input.X }}</c>,
/// <c>{{ Workflow.Id }}</c> (instance id), <c>Workflow.CorrelationId</c>, <c>Workflow.DefinitionId</c>, plus the filters
/// <c>json</c>, <c>base64</c> and <c>base64_decode</c> besides Fluid's standard ones. Values reach templates as plain
/// dictionaries, lists and primitives, never as CLR objects with members.
/// </summary>
public sealed partial class LiquidExpressionHandler : IExpressionHandler
{
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options;

    public LiquidExpressionHandler()
    {
        _options = new TemplateOptions
        {
            MaxSteps = 1_000_000,
            MaxRecursion = 64,
            CultureInfo = System.Globalization.CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
        };
        _options.Filters.AddFilter("json", Json);
        _options.Filters.AddFilter("base64", Base64);
        _options.Filters.AddFilter("base64_decode", Base64Decode);
    }

    public string Type => Expression.Liquid;

    public IEnumerable<(string Message, int? Line, int? Column)> Validate(Expression expression)
    {
        var text = expression.ValueText ?? string.Empty;
        if (Parser.TryParse(text, out _, out var error))
        {
            return [];
        }

        var at = Position().Match(error);
        return at.Success
            ? [($"Liquid syntax error: {error}", int.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(at.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))]
            : [($"Liquid syntax error: {error}", null, null)];
    }

    public async ValueTask<object?> EvaluateAsync(Expression expression, ExpressionEvaluationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = expression.ValueText ?? string.Empty;
        var template = _templates.GetOrAdd(text, static t => Parser.TryParse(t, out var parsed, out var error)
            ? parsed
            : throw new InvalidOperationException($"Liquid syntax error: {error}"));

        var script = context.Script;
        var definition = context.Blueprint.Definition;
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var declared in definition.Variables)
        {
            variables[declared.Name] = Plain(script.GetVariable(declared.Name));
        }

        var inputs = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in context.Inputs)
        {
            inputs[name] = Plain(value);
        }

        var workflow = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Id"] = script.WorkflowInstanceId,
            ["InstanceId"] = script.WorkflowInstanceId,
            ["CorrelationId"] = script.CorrelationId,
            ["DefinitionId"] = definition.DefinitionId,
            ["DefinitionVersionId"] = definition.Id,
            ["Version"] = definition.Version,
            ["Name"] = definition.Name,
        };

        var templateContext = new TemplateContext(_options);
        templateContext.SetValue("Variables", variables);
        templateContext.SetValue("Input", inputs);
        templateContext.SetValue("Workflow", workflow);
        templateContext.SetValue("LastResult", Plain(context.LastResult));
        templateContext.SetValue("CorrelationId", script.CorrelationId);
        templateContext.SetValue("Tenant", script.Tenant);

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(context.Budget);
        var render = template.RenderAsync(templateContext, NullEncoder.Default).AsTask();
        var finished = render.IsCompleted ? render : await Task.WhenAny(render, Task.Delay(Timeout.Infinite, budget.Token)).ConfigureAwait(false);

        // Ends the pending delay, which disposing the source alone would not.
        await budget.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (finished != render)
        {
            throw new CSharp.ScriptTimeoutException($"Liquid template exceeded its time budget of {(long)context.Budget.TotalMilliseconds} ms");
        }

        return await render.ConfigureAwait(false);
    }

    /// <summary>Turns engine values into what Fluid walks natively: dictionaries, lists, strings, numbers, booleans.</summary>
    internal static object? Plain(object? value)
    {
        if (value is string or bool or int or long or double or decimal)
        {
            return value;
        }

        var node = value as JsonNode ?? ValueConverter.ToNode(value);
        return node switch
        {
            null => null,
            JsonObject o => o.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal),
            JsonArray a => a.Select(Plain).ToList(),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            JsonValue v when v.TryGetValue<long>(out var l) => l,
            JsonValue v when v.TryGetValue<decimal>(out var m) => m,
            JsonValue v when v.TryGetValue<double>(out var d) => d,
            _ => node.ToJsonString(),
        };
    }

    private static ValueTask<FluidValue> Json(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var json = ToNode(input.ToObjectValue())?.ToJsonString() ?? "null";
        return new StringValue(json);
    }

    private static ValueTask<FluidValue> Base64(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new StringValue(Convert.ToBase64String(Encoding.UTF8.GetBytes(input.ToStringValue())));

    private static ValueTask<FluidValue> Base64Decode(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        try
        {
            return new StringValue(Encoding.UTF8.GetString(Convert.FromBase64String(input.ToStringValue())));
        }
        catch (FormatException)
        {
            return NilValue.Instance;
        }
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        IDictionary<string, object?> d => new JsonObject(d.Select(p => KeyValuePair.Create(p.Key, ToNode(p.Value)))),
        IFluidIndexable indexable => new JsonObject(indexable.Keys.Select(k => KeyValuePair.Create(k, indexable.TryGetValue(k, out var v) ? ToNode(v) : null))),
        string s => JsonValue.Create(s),
        System.Collections.IEnumerable e => new JsonArray([.. e.Cast<object?>().Select(ToNode)]),
        FluidValue f => ToNode(f.ToObjectValue()),
        _ => ValueConverter.ToNode(value),
    };

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();
}
