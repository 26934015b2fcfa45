using RulesEngine.Core.Execution;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Core.Activities;

/// <summary>
/// Elsa's flowchart: activities joined by connections from outcome ports. An activity with several inbound connections
/// waits until every one of them has either fired or become dead (an implicit join); loop-back connections re-run
/// their target. The flowchart completes when none of its children is running or scheduled.
/// </summary>
[Activity("Elsa.Flowchart", Category = "Workflows", DisplayName = "Flowchart", Kind = ActivityKind.Container,
    Description = "Runs activities along the connections between their outcomes.")]
public sealed class Flowchart : Activity
{
    private const string ScopeKey = "flow";

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var model = context.Node.Flow;
        if (model is null || model.Children.Count == 0)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        var scope = new FlowScope();
        context.SetProperty(ScopeKey, scope);
        var start = SelectStart(context, model);
        if (start is null)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        // Roots that do not start this run are skipped, so joins downstream of them do not wait forever.
        foreach (var root in model.Roots)
        {
            if (root != start)
            {
                Propagate(context, model, scope, skip: root, fire: null);
            }
        }

        context.ScheduleChild(start);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child, CancellationToken cancellationToken)
    {
        var model = context.Node.Flow!;
        var scope = context.GetProperty<FlowScope>(ScopeKey);
        if (scope is null)
        {
            scope = new FlowScope();
            context.SetProperty(ScopeKey, scope);
        }

        if (model.Outbound.TryGetValue(child.ChildActivityId, out var outbound))
        {
            foreach (var index in outbound)
            {
                var port = model.Connections[index].SourcePort;
                var taken = false;
                foreach (var outcome in child.Outcomes)
                {
                    if (string.Equals(outcome, port, StringComparison.OrdinalIgnoreCase))
                    {
                        taken = true;
                        break;
                    }
                }

                if (taken)
                {
                    Propagate(context, model, scope, skip: null, fire: index);
                }
                else if (!model.BackEdges.Contains(index))
                {
                    scope.Dead.Add(index);
                    Propagate(context, model, scope, skip: null, fire: null, killed: index);
                }
            }
        }

        if (context.ActiveChildCount == 0)
        {
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    private static string? SelectStart(ActivityContext context, FlowchartModel model)
    {
        var triggerId = context.IsTriggerOfRunFor(model);
        if (triggerId is not null)
        {
            return triggerId;
        }

        var start = model.Children.Values.FirstOrDefault(c => c.Node.Type == "Elsa.Start");
        if (start is not null)
        {
            return start.Id;
        }

        var flagged = model.Roots.FirstOrDefault(r => model.Children[r].Node.CanStartWorkflow);
        return flagged ?? model.Roots.FirstOrDefault() ?? model.Children.Keys.FirstOrDefault();
    }

    /// <summary>
    /// Fires a connection, skips an activity, or follows a killed connection, then settles every activity whose inbound
    /// connections are all decided: it runs when one of them fired, and is skipped (its outbound connections die) when none did.
    /// </summary>
    private static void Propagate(ActivityContext context, FlowchartModel model, FlowScope scope, string? skip, int? fire, int? killed = null)
    {
        var pending = new Stack<string>();
        if (fire is { } f)
        {
            var target = model.Connections[f].TargetActivityId;
            if (model.BackEdges.Contains(f))
            {
                ResetLoop(model, scope, target);
                context.ScheduleChild(target);
                return;
            }

            scope.Fired.Add(f);
            pending.Push(target);
        }

        if (killed is { } k)
        {
            pending.Push(model.Connections[k].TargetActivityId);
        }

        if (skip is not null)
        {
            KillOutbound(model, scope, skip, pending);
        }

        while (pending.Count > 0)
        {
            var id = pending.Pop();
            var inbound = model.Inbound[id];
            var anyFired = false;
            var allDecided = true;
            foreach (var i in inbound)
            {
                if (scope.Fired.Contains(i))
                {
                    anyFired = true;
                }
                else if (!scope.Dead.Contains(i))
                {
                    allDecided = false;
                }
            }

            var node = model.Children[id];
            if (node.Node.Type is "Elsa.FlowJoin" or "Elsa.Join" && JoinMode(node) == FlowJoinMode.WaitAny)
            {
                if (anyFired && scope.JoinsPassed.Add(id))
                {
                    context.ScheduleChild(id);
                }

                if (!allDecided)
                {
                    continue;
                }

                var passed = scope.JoinsPassed.Remove(id);
                Clear(scope, inbound);
                if (!passed && !anyFired)
                {
                    KillOutbound(model, scope, id, pending);
                }

                continue;
            }

            if (!allDecided)
            {
                continue;
            }

            Clear(scope, inbound);
            if (anyFired)
            {
                context.ScheduleChild(id);
            }
            else
            {
                KillOutbound(model, scope, id, pending);
            }
        }
    }

    private static void KillOutbound(FlowchartModel model, FlowScope scope, string activityId, Stack<string> pending)
    {
        foreach (var o in model.Outbound[activityId])
        {
            if (!model.BackEdges.Contains(o))
            {
                scope.Dead.Add(o);
                pending.Push(model.Connections[o].TargetActivityId);
            }
        }
    }

    private static void Clear(FlowScope scope, List<int> inbound)
    {
        foreach (var i in inbound)
        {
            scope.Fired.Remove(i);
            scope.Dead.Remove(i);
        }
    }

    private static void ResetLoop(FlowchartModel model, FlowScope scope, string target)
    {
        if (!model.LoopRegions.TryGetValue(target, out var region))
        {
            return;
        }

        foreach (var id in region)
        {
            Clear(scope, model.Inbound[id]);
            scope.JoinsPassed.Remove(id);
        }
    }

    // Elsa.Join names its input joinMode and defaults to WaitAny; Elsa.FlowJoin names it mode and defaults to WaitAll.
    private static FlowJoinMode JoinMode(BlueprintNode join) =>
        (join.Node.Inputs.TryGetValue("mode", out var mode) || join.Node.Inputs.TryGetValue("joinMode", out mode)) && mode.Expression.ValueText is { } text
        && Enum.TryParse<FlowJoinMode>(text, ignoreCase: true, out var parsed) ? parsed
        : join.Node.Type == "Elsa.Join" ? FlowJoinMode.WaitAny : FlowJoinMode.WaitAll;
}
