using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Descriptors;
using RulesEngine.Core.Expressions;
using RulesEngine.Core.Expressions.CSharp;
using RulesEngine.Core.Model;
using RulesEngine.Core.Sdk;
using RulesEngine.Core.Serialization;
using RulesEngine.Core.Validation;

namespace RulesEngine.Core.Execution;

/// <summary>
/// Turns a <see cref="WorkflowDefinition"/> into a runnable <see cref="WorkflowBlueprint"/>: instantiates activities, binds
/// inputs and outputs, compiles all C# of the version in one go, and collects every problem by activity.
/// </summary>
public sealed class WorkflowLoader(ActivityRegistry registry, IServiceProvider services, CSharpScriptCompiler compiler, IEnumerable<IExpressionHandler> handlers)
{
    private static readonly HashSet<string> BuiltInExpressions = new(StringComparer.OrdinalIgnoreCase)
    {
        Expression.Literal, Expression.Object, Expression.Json, Expression.Variable, Expression.CSharp,
    };

    private readonly Dictionary<string, IExpressionHandler> _handlers = handlers.ToDictionary(h => h.Type, StringComparer.OrdinalIgnoreCase);

    private readonly WorkflowJsonReader _embeddedReader = new(registry);

    public WorkflowBlueprint Load(WorkflowDefinition definition)
    {
        var problems = new List<WorkflowProblem>();
        var nodes = new Dictionary<string, BlueprintNode>(StringComparer.Ordinal);
        var scripts = new List<ScriptSource>();
        var root = Build(definition.Root, null, definition, nodes, problems, scripts);

        CompiledScripts? compiled = null;
        if (scripts.Count > 0)
        {
            compiled = compiler.Compile(Request(scripts, definition));
            foreach (var d in compiled.Diagnostics.Where(d => d.IsError))
            {
                var node = nodes.GetValueOrDefault(d.ActivityId);
                problems.Add(new WorkflowProblem(d.Code.StartsWith("RE", StringComparison.Ordinal) ? ProblemCodes.ForbiddenApi : ProblemCodes.CompileError, $"{d.Code}: {d.Message}")
                {
                    ActivityId = d.ActivityId,
                    ActivityName = node?.Node.DisplayLabel,
                    ActivityType = node?.Node.Type,
                    Input = d.InputName,
                    Line = d.Line,
                    Column = d.Column,
                });
            }
        }

        return new WorkflowBlueprint(definition, root, nodes, problems, compiled);
    }

    /// <summary>Compiles nothing: returns the C# diagnostics of a definition (for the designer's live check).</summary>
    public IReadOnlyList<WorkflowProblem> Check(WorkflowDefinition definition) => Load(definition).Problems;

    private static ScriptCompilationRequest Request(List<ScriptSource> scripts, WorkflowDefinition definition) => new(
        scripts,
        definition.Variables.Where(v => IsIdentifier(v.Name)).GroupBy(v => v.Name, StringComparer.Ordinal)
            .Select(g => new ScriptSymbol(g.Key, TypeNames.Resolve(g.First().TypeName, g.First().IsArray))).ToList(),
        definition.Inputs.Where(i => IsIdentifier(i.Name)).GroupBy(i => i.Name, StringComparer.Ordinal)
            .Select(g => new ScriptSymbol(g.Key, TypeNames.Resolve(g.First().TypeName))).ToList());

    private BlueprintNode Build(ActivityNode node, BlueprintNode? parent, WorkflowDefinition definition, Dictionary<string, BlueprintNode> nodes, List<WorkflowProblem> problems, List<ScriptSource> scripts)
    {
        // A workflow used as an activity keeps its JSON like an unknown type, but runs (see WorkflowDefinitionActivity).
        var descriptor = node.WorkflowDefinitionId is not null ? Composition.WorkflowDefinitionActivity.Describe(node)
            : node.IsUnknown ? null : registry.Find(node.Type);
        Activity? activity = null;
        if (descriptor is null)
        {
            problems.Add(Problem(node, ProblemCodes.UnknownType, $"unknown activity type '{node.OriginalType ?? node.Type}' (kept as it is; the workflow cannot run until it is replaced)"));
        }
        else
        {
            try
            {
                activity = (Activity)ActivatorUtilities.CreateInstance(services, descriptor.ClrType);
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(Problem(node, ProblemCodes.UnknownType, $"activity type '{node.Type}' cannot be created here: {ex.Message}"));
            }
        }

        var blueprintNode = new BlueprintNode(node, descriptor, activity, parent);
        if (!nodes.TryAdd(node.Id, blueprintNode))
        {
            problems.Add(Problem(node, ProblemCodes.DuplicateId, $"duplicate activity id '{node.Id}'"));
        }

        if (descriptor is not null && activity is not null)
        {
            BindInputs(blueprintNode, descriptor, activity, definition, problems, scripts);
            BindOutputs(blueprintNode, descriptor, activity, definition, problems);
            if (activity is IHasNestedExpressions nested)
            {
                foreach (var expression in nested.GetNestedExpressions(node))
                {
                    ValidateExpression(blueprintNode, expression.Key, expression.ResultType, expression.Expression, definition, problems, scripts);
                }
            }
        }

        foreach (var child in node.Activities)
        {
            blueprintNode.Children.Add(Build(child, blueprintNode, definition, nodes, problems, scripts));
        }

        foreach (var (portName, portNode) in node.Ports)
        {
            if (portNode is not null)
            {
                blueprintNode.Ports[portName] = Build(portNode, blueprintNode, definition, nodes, problems, scripts);
            }
        }

        if (activity is IHasEmbeddedActivities embedded)
        {
            foreach (var item in embedded.GetEmbeddedActivities(node))
            {
                ActivityNode child;
                try
                {
                    child = _embeddedReader.Read(new JsonObject { ["root"] = item.Json.DeepClone() }, node.Id).Root;
                }
                catch (WorkflowFormatException ex)
                {
                    problems.Add(Problem(node, ProblemCodes.InvalidInput, $"{item.Slot}: {ex.Message}"));
                    continue;
                }

                blueprintNode.Ports[item.Slot] = Build(child, blueprintNode, definition, nodes, problems, scripts);
            }
        }

        if (node.Connections.Count > 0 || node.Type == "Elsa.Flowchart")
        {
            ValidateConnections(blueprintNode, problems);
            blueprintNode.Flow = new FlowchartModel(blueprintNode.Children, node.Connections);
        }

        return blueprintNode;
    }

    private void BindInputs(BlueprintNode bn, ActivityDescriptor descriptor, Activity activity, WorkflowDefinition definition, List<WorkflowProblem> problems, List<ScriptSource> scripts)
    {
        var bindings = new List<InputBinding>(descriptor.Inputs.Count);
        foreach (var input in descriptor.Inputs)
        {
            var property = (Input?)input.Property.GetValue(activity);
            if (bn.Node.Inputs.TryGetValue(input.Name, out var value))
            {
                property = (Input)Activator.CreateInstance(input.Property.PropertyType, value.Expression)!;
                input.Property.SetValue(activity, property);
                ValidateExpression(bn, input.Name, input.ValueType, value.Expression, definition, problems, scripts);
            }
            else if (property is null)
            {
                property = (Input)Activator.CreateInstance(input.Property.PropertyType)!;
                input.Property.SetValue(activity, property);
                if (input.Required)
                {
                    problems.Add(Problem(bn.Node, ProblemCodes.MissingInput, $"required input '{input.Name}' has no value") with { Input = input.Name });
                }
            }

            var binding = new InputBinding(input, property);
            if (property.Expression.Type == Expression.Literal && IsImmutable(input.ValueType))
            {
                try
                {
                    binding.CachedLiteral = ValueConverter.Convert(property.Expression.Value, input.ValueType);
                    binding.HasCachedLiteral = true;
                    if (activity.ValidateLiteral(input.Name, binding.CachedLiteral) is { } invalid)
                    {
                        problems.Add(Problem(bn.Node, ProblemCodes.InvalidInput, $"input '{input.Name}': {invalid}") with { Input = input.Name });
                    }
                }
                catch (InvalidCastException ex)
                {
                    problems.Add(Problem(bn.Node, ProblemCodes.InvalidInput, ex.Message) with { Input = input.Name });
                }
            }

            bindings.Add(binding);
        }

        bn.Inputs = [.. bindings];
    }

    private static void BindOutputs(BlueprintNode bn, ActivityDescriptor descriptor, Activity activity, WorkflowDefinition definition, List<WorkflowProblem> problems)
    {
        foreach (var output in descriptor.Outputs)
        {
            var property = (Output?)output.Property.GetValue(activity);
            if (property is null)
            {
                property = (Output)Activator.CreateInstance(output.Property.PropertyType)!;
                output.Property.SetValue(activity, property);
            }

            if (bn.Node.Outputs.TryGetValue(output.Name, out var binding))
            {
                property.MemoryReferenceId = binding.MemoryReferenceId;
                if (!definition.Variables.Any(v => v.Id == binding.MemoryReferenceId || v.Name == binding.MemoryReferenceId)
                    && !definition.Outputs.Any(o => o.Name == binding.MemoryReferenceId))
                {
                    problems.Add(Problem(bn.Node, ProblemCodes.UnknownVariable, $"output '{output.Name}' is bound to variable '{binding.MemoryReferenceId}', which the workflow does not declare") with { Input = output.Name });
                }
            }
        }
    }

    private void ValidateExpression(BlueprintNode bn, string inputName, Type valueType, Expression expression, WorkflowDefinition definition, List<WorkflowProblem> problems, List<ScriptSource> scripts)
    {
        if (expression.Type == Expression.CSharp)
        {
            scripts.Add(new ScriptSource(bn.Id, inputName, expression.ValueText ?? string.Empty, valueType));
            return;
        }

        if (expression.Type == Expression.Variable)
        {
            var name = VariableExpressionName(expression);
            if (name is null || !definition.Variables.Any(v => v.Name == name || v.Id == name))
            {
                problems.Add(Problem(bn.Node, ProblemCodes.UnknownVariable, $"variable '{name}' is not declared") with { Input = inputName });
            }

            return;
        }

        if (BuiltInExpressions.Contains(expression.Type))
        {
            return;
        }

        if (!_handlers.TryGetValue(expression.Type, out var handler))
        {
            problems.Add(Problem(bn.Node, ProblemCodes.UnsupportedExpression, $"expression type '{expression.Type}' is not supported") with { Input = inputName });
            return;
        }

        foreach (var (message, line, column) in handler.Validate(expression))
        {
            problems.Add(Problem(bn.Node, ProblemCodes.CompileError, message) with { Input = inputName, Line = line, Column = column });
        }
    }

    private static void ValidateConnections(BlueprintNode flowchart, List<WorkflowProblem> problems)
    {
        // Duplicate ids are reported on their own; the first activity of an id is the one connections reach.
        var children = flowchart.Children.DistinctBy(c => c.Id).ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var c in flowchart.Node.Connections)
        {
            var sourceKnown = children.TryGetValue(c.SourceActivityId, out var source);
            var targetKnown = children.ContainsKey(c.TargetActivityId);
            if (!sourceKnown || !targetKnown)
            {
                var missing = !sourceKnown ? c.SourceActivityId : c.TargetActivityId;
                problems.Add(Problem(flowchart.Node, ProblemCodes.BadConnection, $"connection {c} refers to activity '{missing}', which is not in this flowchart"));
                continue;
            }

            // Containers complete with whatever outcomes Elsa.Complete gives them, so their ports are open-ended.
            if (source!.Descriptor is { } d && d.DynamicOutcomesInput is null && d.Kind != ActivityKind.Container
                && !d.Outcomes.Contains(c.SourcePort, StringComparer.OrdinalIgnoreCase))
            {
                var ports = d.Outcomes.Count == 0 ? "has no outcome ports" : $"has only {string.Join(", ", d.Outcomes)}";
                problems.Add(Problem(source.Node, ProblemCodes.UnknownOutcome, $"connection {c} leaves from port '{c.SourcePort}', but {d.TypeName} {ports}"));
            }
        }
    }

    internal static string? VariableExpressionName(Expression expression) => expression.Value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o => (o["name"] ?? o["id"]) is JsonValue n && n.TryGetValue<string>(out var s) ? s : null,
        _ => null,
    };

    private static bool IsImmutable(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid);
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static WorkflowProblem Problem(ActivityNode node, string code, string message) => new(code, message)
    {
        ActivityId = node.Id,
        ActivityName = node.DisplayLabel,
        ActivityType = node.OriginalType ?? node.Type,
    };
}
