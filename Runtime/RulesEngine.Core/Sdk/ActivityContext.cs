using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Expressions;

namespace RulesEngine.Core.Sdk;

/// <summary>
/// An activity's view of one execution: evaluated inputs, outputs, variables, trigger payload, and the ways to finish
/// (complete with outcomes, wait on a bookmark, schedule children).
/// </summary>
public sealed class ActivityContext
{
    private readonly WorkflowExecution _execution;
    private object?[]? _inputValues;
    private List<string>? _outcomes;
    private List<BookmarkRequest>? _bookmarks;

    internal ActivityContext(WorkflowExecution execution, ContextState state, BlueprintNode node)
    {
        _execution = execution;
        State = state;
        Node = node;
    }

    internal ContextState State { get; }

    internal BlueprintNode Node { get; }

    internal bool Completed { get; private set; }

    internal IReadOnlyList<string> CompletedOutcomes => _outcomes is null || _outcomes.Count == 0 ? DoneOutcome : _outcomes;

    internal IReadOnlyList<BookmarkRequest> Bookmarks => (IReadOnlyList<BookmarkRequest>?)_bookmarks ?? [];

    internal int ScheduledChildren { get; private set; }

    internal bool EndParentRequested { get; private set; }

    internal bool FinishWorkflowRequested { get; private set; }

    internal bool BreakRequested { get; private set; }

    internal bool CancelChildrenRequested { get; private set; }

    internal bool ReplaceBookmarksRequested { get; private set; }

    internal Dictionary<string, object?>? JournalInputs { get; private set; }

    internal Dictionary<string, object?>? JournalOutputs { get; private set; }

    private static readonly string[] DoneOutcome = ["Done"];

    public string ActivityId => Node.Id;

    public string? ActivityName => Node.Node.Name;

    public string ActivityType => Node.Node.Type;

    public string InstanceId => _execution.State.InstanceId;

    public string DefinitionId => _execution.State.DefinitionId;

    public int WorkflowVersion => _execution.State.Version;

    /// <summary>The tenant the run belongs to; empty outside a tenant.</summary>
    public string TenantId => _execution.State.TenantId ?? string.Empty;

    public IServiceProvider Services => _execution.Services;

    public TimeProvider Time => _execution.Time;

    public ILogger Logger => _execution.Logger;

    public TriggerData Trigger => _execution.Trigger;

    public MappingTables Mappings => _execution.Mappings;

    /// <summary>True when this activity is the trigger that started the run (so it completes instead of waiting).</summary>
    public bool IsTriggerOfRun => _execution.State.Trigger?.ActivityId == Node.Id;

    /// <summary>The trigger that started the run when it is one of the given flowchart's children.</summary>
    internal string? IsTriggerOfRunFor(FlowchartModel model) =>
        _execution.State.Trigger?.ActivityId is { } id && model.Children.ContainsKey(id) ? id : null;

    /// <summary>The activity definition node, for activities that read extra JSON properties.</summary>
    public Model.ActivityNode Definition => Node.Node;

    public string? CorrelationId
    {
        get => _execution.State.CorrelationId;
        set => _execution.State.CorrelationId = value;
    }

    /// <summary>Sets the instance's display name (Elsa.SetName).</summary>
    public void SetWorkflowName(string? name) => _execution.State.Name = name;

    /// <summary>The evaluated value of an input of this activity.</summary>
    public T? Get<T>(Input<T> input)
    {
        var bindings = Node.Inputs;
        for (var i = 0; i < bindings.Length; i++)
        {
            if (ReferenceEquals(bindings[i].Input, input))
            {
                if (_inputValues is not null && bindings[i].Descriptor.EvaluateBeforeExecute)
                {
                    return (T?)_inputValues[i];
                }

                throw new InvalidOperationException($"input '{bindings[i].Descriptor.Name}' is evaluated on demand: read it with EvaluateAsync");
            }
        }

        // An input object not bound to this node (e.g. created in code): evaluate its expression directly.
        return ValueConverter.Convert<T>(input.Expression.Value);
    }

    /// <summary>Evaluates an input now (for inputs marked EvaluateBeforeExecute = false that depend on loop state).</summary>
    public async ValueTask<T?> EvaluateAsync<T>(Input<T> input, CancellationToken cancellationToken)
    {
        _execution.Current = State;
        foreach (var binding in Node.Inputs)
        {
            if (ReferenceEquals(binding.Input, input))
            {
                return (T?)await _execution.EvaluateInputAsync(this, binding, cancellationToken).ConfigureAwait(false);
            }
        }

        return ValueConverter.Convert<T>(input.Expression.Value);
    }

    /// <summary>Evaluates an expression nested in an input (declared through <see cref="IHasNestedExpressions"/>).</summary>
    public async ValueTask<T?> EvaluateAsync<T>(NestedExpression expression, CancellationToken cancellationToken)
    {
        _execution.Current = State;
        return (T?)await _execution.EvaluateExpressionAsync(this, expression.Expression, expression.Key, typeof(T), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the workflow JSON gives this input an expression (rather than the activity's default).</summary>
    public bool HasExpression(Input input) => Node.Inputs.Any(b => ReferenceEquals(b.Input, input) && Node.Node.Inputs.ContainsKey(b.Descriptor.Name));

    /// <summary>Writes an output; bound outputs also write their variable.</summary>
    public void Set<T>(Output<T> output, T? value)
    {
        var descriptor = Node.Descriptor?.Outputs.FirstOrDefault(o => ReferenceEquals(o.Property.GetValue(Node.Activity), output));
        var name = descriptor?.Name ?? "result";
        _execution.SetActivityOutput(Node.Id, name, value);
        if (_execution.JournalValues)
        {
            (JournalOutputs ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
        }

        if (output.MemoryReferenceId is { } variable)
        {
            // Elsa may bind an output to a declared workflow output instead of a variable.
            if (!_execution.Blueprint.VariablesByName.ContainsKey(variable) && !_execution.Blueprint.VariablesById.ContainsKey(variable)
                && _execution.Blueprint.Definition.Outputs.FirstOrDefault(o => o.Name == variable) is { } workflowOutput)
            {
                SetWorkflowOutput(workflowOutput.Name, value);
            }
            else
            {
                _execution.SetVariable(variable, value);
            }
        }
    }

    public object? GetVariable(string name) => _execution.GetVariable(name, State);

    public T? GetVariable<T>(string name) => ValueConverter.Convert<T>(_execution.GetVariable(name, State));

    /// <summary>Sets a variable by name or id, converting to its declared type.</summary>
    public void SetVariable(string nameOrId, object? value) => _execution.SetVariable(nameOrId, value);

    /// <summary>A declared workflow input.</summary>
    public object? GetWorkflowInput(string name) => _execution.State.Input.TryGetValue(name, out var v) ? v : null;

    /// <summary>Sets a workflow output (Elsa.SetOutput).</summary>
    public void SetWorkflowOutput(string name, object? value)
    {
        lock (_execution.State.Gate)
        {
            _execution.State.Output[name] = value;
        }
    }

    /// <summary>Outputs of another activity that already ran, as JSON.</summary>
    public JsonNode? GetActivityOutput(string activityIdOrName, string? outputName = null) => _execution.GetActivityOutput(activityIdOrName, outputName, State);

    /// <summary>Completes the activity with the given outcomes (<c>Done</c> when none).</summary>
    public void Complete(params string[] outcomes) => Complete((IEnumerable<string>)outcomes);

    public void Complete(IEnumerable<string> outcomes)
    {
        Completed = true;
        (_outcomes ??= []).AddRange(outcomes);
    }

    /// <summary>Suspends the activity until the bookmark is resumed.</summary>
    public void CreateBookmark(BookmarkRequest request) => (_bookmarks ??= []).Add(request);

    /// <summary>
    /// Drops the bookmarks this activity still has before adding the ones created now: an activity waiting on several
    /// stimuli at once (a child workflow's bookmarks) replaces the whole set whenever one of them is resumed.
    /// </summary>
    public void ReplaceBookmarks() => ReplaceBookmarksRequested = true;

    /// <summary>
    /// Writes an output by name, for activities whose outputs are not declared as properties (a workflow used as an
    /// activity); with <paramref name="memoryReferenceId"/> the bound variable (or workflow output) gets it too.
    /// </summary>
    public void SetOutput(string name, object? value, string? memoryReferenceId = null)
    {
        _execution.SetActivityOutput(Node.Id, name, value);
        if (_execution.JournalValues)
        {
            (JournalOutputs ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
        }

        if (memoryReferenceId is null)
        {
            return;
        }

        if (!_execution.Blueprint.VariablesByName.ContainsKey(memoryReferenceId) && !_execution.Blueprint.VariablesById.ContainsKey(memoryReferenceId)
            && _execution.Blueprint.Definition.Outputs.FirstOrDefault(o => o.Name == memoryReferenceId) is { } workflowOutput)
        {
            SetWorkflowOutput(workflowOutput.Name, value);
        }
        else
        {
            _execution.SetVariable(memoryReferenceId, value);
        }
    }

    /// <summary>Schedules one of this activity's children (flowchart or sequence member) by id.</summary>
    public void ScheduleChild(string childActivityId, string? tag = null)
    {
        var child = Node.Children.FirstOrDefault(c => c.Id == childActivityId)
            ?? throw new InvalidOperationException($"activity '{childActivityId}' is not a child of '{Node.Id}'");
        Schedule(child, tag, null);
    }

    /// <summary>Schedules the activity held in an embedded port (e.g. ForEach's body). Returns false when the port is empty.</summary>
    public bool SchedulePort(string port, string? tag = null) => SchedulePort(port, tag, null, null, null);

    /// <summary>
    /// Schedules a port's activity as one concurrent branch of this activity (ParallelForEach): branches of one group run
    /// together up to <see cref="SetParallelism"/>, and each sees its own <paramref name="scopedOutputs"/> (this activity's
    /// outputs, by output name) and <paramref name="scopedVariables"/> instead of the shared ones.
    /// </summary>
    public bool SchedulePort(string port, string? tag, string? parallelGroup, IReadOnlyDictionary<string, object?>? scopedOutputs, IReadOnlyDictionary<string, object?>? scopedVariables)
    {
        if (!Node.Ports.TryGetValue(port, out var child))
        {
            return false;
        }

        Dictionary<string, object?>? properties = null;
        if (scopedOutputs is not null || scopedVariables is not null)
        {
            properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (scopedOutputs is not null)
            {
                var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (name, value) in scopedOutputs)
                {
                    outputs[Node.Id + "." + name] = value;
                    outputs.TryAdd(Node.Id, value);
                }

                properties[WorkflowExecution.ScopedOutputsKey] = outputs;
            }

            if (scopedVariables is not null)
            {
                properties[WorkflowExecution.ScopedVariablesKey] = scopedVariables.ToDictionary(v => _execution.ResolveVariableName(v.Key), v => v.Value, StringComparer.Ordinal);
            }
        }

        ScheduledChildren++;
        _execution.ScheduleChild(State, child, tag, parallelGroup, properties);
        return true;
    }

    /// <summary>How many concurrent branches of this activity run at once (see the parallel <c>SchedulePort</c>).</summary>
    public void SetParallelism(int degree) => SetProperty("degree", Math.Max(1, degree));

    /// <summary>The id of this execution context (a ParallelForEach passes it as the parallel group of its branches).</summary>
    public string ContextId => State.Id;

    /// <summary>The variable name an output is bound to (memoryReference), or null.</summary>
    public string? BoundVariable(Output output) => output.MemoryReferenceId;

    internal void Schedule(BlueprintNode child, string? tag, string? parallelGroup)
    {
        ScheduledChildren++;
        _execution.ScheduleChild(State, child, tag, parallelGroup);
    }

    /// <summary>The ids of this activity's children (containers).</summary>
    public IReadOnlyList<string> ChildIds => Node.Children.Select(c => c.Id).ToList();

    /// <summary>Number of this context's children still running or scheduled.</summary>
    public int ActiveChildCount => _execution.ActiveChildCount(State.Id);

    /// <summary>Ends the container this activity is in (Elsa.End / Elsa.Complete), cancelling its other branches.</summary>
    public void EndParent(params string[] outcomes)
    {
        EndParentRequested = true;
        Complete(outcomes);
    }

    /// <summary>
    /// Ends the nearest enclosing loop (Elsa.Break): the rest of its body is cancelled and the loop completes with <c>Done</c>.
    /// Outside a loop the activity just completes.
    /// </summary>
    public void BreakLoop()
    {
        BreakRequested = true;
        Complete();
    }

    /// <summary>Cancels every child (and their bookmarks) this activity still has running, e.g. when a WaitAny fork completes.</summary>
    public void CancelChildren() => CancelChildrenRequested = true;

    /// <summary>Finishes the whole workflow (Elsa.Finish).</summary>
    public void FinishWorkflow()
    {
        FinishWorkflowRequested = true;
        Complete();
    }

    /// <summary>Reads persisted per-context state of a container (loop index, flowchart tokens).</summary>
    public T? GetProperty<T>(string key)
    {
        if (State.Properties is null || !State.Properties.TryGetValue(key, out var value) || value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        // After a round trip through JSON the value comes back as JSON: convert once and keep the typed copy.
        var converted = ValueConverter.Convert<T>(value);
        State.Properties[key] = converted;
        return converted;
    }

    public void SetProperty(string key, object? value) => (State.Properties ??= new Dictionary<string, object?>(StringComparer.Ordinal))[key] = value;

    internal async ValueTask EvaluateInputsAsync(CancellationToken cancellationToken)
    {
        _execution.Current = State;
        var bindings = Node.Inputs;
        if (bindings.Length == 0)
        {
            return;
        }

        _inputValues = new object?[bindings.Length];
        var journal = _execution.JournalValues;
        for (var i = 0; i < bindings.Length; i++)
        {
            var b = bindings[i];
            if (!b.Descriptor.EvaluateBeforeExecute)
            {
                continue;
            }

            var value = b.HasCachedLiteral ? b.CachedLiteral : await _execution.EvaluateInputAsync(this, b, cancellationToken).ConfigureAwait(false);
            _inputValues[i] = value;
            if (journal)
            {
                (JournalInputs ??= new Dictionary<string, object?>(StringComparer.Ordinal))[b.Descriptor.Name] = b.Descriptor.IsSecret ? "***" : value;
            }
        }
    }
}
