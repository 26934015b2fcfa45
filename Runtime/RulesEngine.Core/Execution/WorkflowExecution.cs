using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RulesEngine.Core.Expressions;
using RulesEngine.Core.Expressions.CSharp;
using RulesEngine.Core.Model;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Core.Execution;

/// <summary>
/// One run of one instance in this process: the blueprint, the state, and the services activities need.
/// It is also what C# scripts see (<see cref="IScriptContext"/>).
/// </summary>
internal sealed class WorkflowExecution : IScriptContext
{
    private readonly WorkflowRunner _runner;

    public WorkflowExecution(WorkflowRunner runner, WorkflowBlueprint blueprint, WorkflowState state, MappingTables mappings, CancellationToken cancellationToken)
    {
        _runner = runner;
        Blueprint = blueprint;
        State = state;
        Mappings = mappings;
        CancellationToken = cancellationToken;
        Trigger = state.Trigger?.ToTriggerData() ?? TriggerData.Empty;
    }

    public WorkflowBlueprint Blueprint { get; }

    /// <summary>Called after side-effecting activities so the host can persist progress (null: no checkpoints).</summary>
    public Checkpoint? Checkpoint { get; init; }

    public WorkflowState State { get; }

    public MappingTables Mappings { get; }

    public CancellationToken CancellationToken { get; }

    public TriggerData Trigger { get; }

    public IServiceProvider Services => _runner.Services;

    public TimeProvider Time => _runner.Time;

    public ILogger Logger => _runner.Logger;

    public bool JournalValues => _runner.Options.JournalValues;

    public string Tenant => State.TenantId ?? string.Empty;

    public DateTimeOffset Now => _runner.Time.GetUtcNow();

    public string WorkflowInstanceId => State.InstanceId;

    public string? CorrelationId
    {
        get => State.CorrelationId;
        set => State.CorrelationId = value;
    }

    public string NewId(string prefix = "c") => prefix + State.NextId++.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The context whose inputs are being evaluated (scripts resolve scoped values from it). Expressions evaluate
    /// synchronously on the run loop, one at a time, so a plain field is enough; activity code passes its own context.
    /// </summary>
    public ContextState? Current { get; set; }

    public const string ScopedVariablesKey = "$vars";
    public const string ScopedOutputsKey = "$outputs";

    public object? GetVariable(string name) => GetVariable(name, Current);

    public object? GetVariable(string name, ContextState? from)
    {
        lock (State.Gate)
        {
            var key = ResolveVariableName(name);
            if (FindScoped(from, ScopedVariablesKey, key, out var scoped))
            {
                return scoped;
            }

            return State.Variables.TryGetValue(key, out var v) ? v : null;
        }
    }

    /// <summary>
    /// Looks a value up in the properties of the current context and its ancestors: ParallelForEach gives every iteration
    /// its own current item this way, so concurrent iterations do not see each other's values.
    /// </summary>
    private bool FindScoped(ContextState? from, string bag, string key, out object? value)
    {
        var ctx = from;
        while (ctx is not null)
        {
            if (ctx.Properties is { } props && props.TryGetValue(bag, out var scope))
            {
                switch (scope)
                {
                    case Dictionary<string, object?> d when d.TryGetValue(key, out value):
                        return true;
                    case JsonObject o when o.TryGetPropertyValue(key, out var node):
                        value = node;
                        return true;
                }
            }

            ctx = ctx.ParentId is { } parent && State.Contexts.TryGetValue(parent, out var p) ? p : null;
        }

        value = null;
        return false;
    }

    public void SetVariable(string nameOrId, object? value)
    {
        var name = ResolveVariableName(nameOrId);
        var converted = Blueprint.VariableTypes.TryGetValue(name, out var type) ? Normalize(value, type) : value;
        lock (State.Gate)
        {
            State.Variables[name] = converted;
        }
    }

    public object? GetInput(string name) => State.Input.TryGetValue(name, out var v) ? v : null;

    public JsonNode? GetActivityOutput(string activityIdOrName, string? outputName) => GetActivityOutput(activityIdOrName, outputName, Current);

    public JsonNode? GetActivityOutput(string activityIdOrName, string? outputName, ContextState? from)
    {
        var node = Blueprint.Find(activityIdOrName);
        var id = node?.Id ?? activityIdOrName;
        lock (State.Gate)
        {
            if (FindScoped(from, ScopedOutputsKey, outputName is null ? id : id + "." + outputName, out var scoped))
            {
                return ValueConverter.ToNode(scoped);
            }

            if (!State.ActivityOutputs.TryGetValue(id, out var outputs) || outputs.Count == 0)
            {
                return null;
            }

            if (outputName is not null)
            {
                return outputs.TryGetValue(outputName, out var named) ? ValueConverter.ToNode(named) : null;
            }

            if (outputs.Count == 1)
            {
                return ValueConverter.ToNode(outputs.Values.First());
            }

            // The primary output: "result" when the activity has one, else the first it declares.
            var primary = node?.Descriptor?.FindOutput("result")?.Name ?? node?.Descriptor?.Outputs.FirstOrDefault()?.Name;
            if (primary is not null && outputs.TryGetValue(primary, out var primaryValue))
            {
                return ValueConverter.ToNode(primaryValue);
            }

            var all = new JsonObject();
            foreach (var (k, v) in outputs)
            {
                all[k] = ValueConverter.ToNode(v)?.DeepClone();
            }

            return all;
        }
    }

    public void SetActivityOutput(string activityId, string name, object? value)
    {
        lock (State.Gate)
        {
            if (!State.ActivityOutputs.TryGetValue(activityId, out var outputs))
            {
                State.ActivityOutputs[activityId] = outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            outputs[name] = value;
            State.LastResult = value;
        }
    }

    public void ScheduleChild(ContextState parent, BlueprintNode child, string? tag, string? parallelGroup, Dictionary<string, object?>? properties = null)
    {
        var ctx = new ContextState
        {
            Id = NewId(),
            ActivityId = child.Id,
            ParentId = parent.Id,
            Tag = tag,
            ParallelGroup = parallelGroup ?? parent.ParallelGroup,
            Status = ContextStatus.Scheduled,
            Properties = properties,
        };
        lock (State.Gate)
        {
            State.Contexts[ctx.Id] = ctx;
            State.Queue.Enqueue(new WorkItem { Kind = WorkItemKind.Execute, ContextId = ctx.Id });
        }
    }

    public int ActiveChildCount(string contextId)
    {
        lock (State.Gate)
        {
            var n = 0;
            foreach (var c in State.Contexts.Values)
            {
                if (c.ParentId == contextId)
                {
                    n++;
                }
            }

            return n;
        }
    }

    public ValueTask<object?> EvaluateInputAsync(ActivityContext context, InputBinding binding, CancellationToken cancellationToken) =>
        EvaluateExpressionAsync(context, binding.Expression, binding.Descriptor.Name, binding.Descriptor.ValueType, cancellationToken);

    public async ValueTask<object?> EvaluateExpressionAsync(ActivityContext context, Expression expression, string key, Type target, CancellationToken cancellationToken)
    {
        try
        {
            var raw = await EvaluateRawAsync(expression, context.ActivityId, key, target, cancellationToken).ConfigureAwait(false);
            return ValueConverter.Convert(raw, target);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ActivityInputException)
        {
            throw new ActivityInputException(key, expression.Type, ex);
        }
    }

    private async ValueTask<object?> EvaluateRawAsync(Expression expression, string activityId, string inputName, Type target, CancellationToken cancellationToken)
    {
        switch (expression.Type)
        {
            case Expression.Literal:
                return expression.Value;
            case Expression.Object:
            case Expression.Json:
                return expression.Value is JsonValue v && v.TryGetValue<string>(out var text)
                    ? (string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text))
                    : expression.Value?.DeepClone();
            case Expression.Variable:
                var name = WorkflowLoader.VariableExpressionName(expression);
                return name is null ? null : GetVariable(name);
            case Expression.CSharp:
                var script = Blueprint.Scripts?.Get(activityId, inputName)
                    ?? throw new InvalidOperationException("the C# expression was not compiled (the workflow has compile errors)");
                return script.Evaluate(this, _runner.Options.ScriptTimeBudget);
            default:
                var handler = _runner.FindHandler(expression.Type)
                    ?? throw new NotSupportedException($"expression type '{expression.Type}' is not supported");
                var ctx = new ExpressionEvaluationContext(this, Blueprint, activityId, inputName, target, _runner.Options.ScriptTimeBudget)
                {
                    Variables = SnapshotVariables(),
                    Inputs = State.Input,
                    LastResult = State.LastResult,
                };
                return await handler.EvaluateAsync(expression, ctx, cancellationToken).ConfigureAwait(false);
        }
    }

    private Dictionary<string, object?> SnapshotVariables()
    {
        lock (State.Gate)
        {
            return new Dictionary<string, object?>(State.Variables, StringComparer.Ordinal);
        }
    }

    public string ResolveVariableName(string nameOrId) =>
        Blueprint.VariablesByName.ContainsKey(nameOrId) ? nameOrId
        : Blueprint.VariablesById.TryGetValue(nameOrId, out var v) ? v.Name
        : nameOrId;

    /// <summary>Stores values in a JSON-stable form: declared primitives as CLR values, everything else as JSON.</summary>
    internal static object? Normalize(object? value, Type declared)
    {
        if (value is null)
        {
            return null;
        }

        if (declared == typeof(JsonNode) || declared == typeof(JsonArray) || declared == typeof(JsonObject))
        {
            return value is JsonNode node ? node : ValueConverter.ToNode(value);
        }

        return ValueConverter.Convert(value, declared);
    }
}
