using RulesEngine.Core.Model;

namespace RulesEngine.Core.Execution;

/// <summary>
/// A flowchart's graph prepared for the interpreter: connections by index, inbound/outbound per activity, and which
/// connections close a loop (back edges, found by depth-first search from the roots) so joins do not wait on them.
/// </summary>
internal sealed class FlowchartModel
{
    public FlowchartModel(IReadOnlyList<BlueprintNode> children, IReadOnlyList<Connection> connections)
    {
        Children = children.DistinctBy(c => c.Id).ToDictionary(c => c.Id, StringComparer.Ordinal);
        Connections = connections.Where(c => Children.ContainsKey(c.SourceActivityId) && Children.ContainsKey(c.TargetActivityId)).ToArray();
        foreach (var id in Children.Keys)
        {
            Inbound[id] = [];
            Outbound[id] = [];
        }

        for (var i = 0; i < Connections.Length; i++)
        {
            Outbound[Connections[i].SourceActivityId].Add(i);
        }

        var entryPoints = Children.Keys.Where(id => !Connections.Any(x => x.TargetActivityId == id)).ToList();
        BackEdges = FindBackEdges(entryPoints, [.. Children.Keys]);
        for (var i = 0; i < Connections.Length; i++)
        {
            if (!BackEdges.Contains(i))
            {
                Inbound[Connections[i].TargetActivityId].Add(i);
            }
        }

        // Roots in document order: activities with no inbound connection other than loop-backs.
        Roots = Children.Keys.Where(id => Inbound[id].Count == 0).ToList();

        // Activities reachable from each loop target along forward edges: their join state resets when the loop goes round.
        foreach (var edge in BackEdges)
        {
            var target = Connections[edge].TargetActivityId;
            if (!LoopRegions.ContainsKey(target))
            {
                LoopRegions[target] = Reachable(target);
            }
        }
    }

    public Dictionary<string, BlueprintNode> Children { get; }

    public Connection[] Connections { get; }

    public Dictionary<string, List<int>> Inbound { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<int>> Outbound { get; } = new(StringComparer.Ordinal);

    public HashSet<int> BackEdges { get; }

    public List<string> Roots { get; }

    public Dictionary<string, HashSet<string>> LoopRegions { get; } = new(StringComparer.Ordinal);

    private HashSet<int> FindBackEdges(List<string> entryPoints, List<string> children)
    {
        var back = new HashSet<int>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on stack, 2 = done
        var starts = entryPoints.Concat(children).ToList();
        foreach (var start in starts)
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            // Iterative DFS so that very long chains do not overflow the stack.
            var stack = new Stack<(string Node, int Next)>();
            stack.Push((start, 0));
            state[start] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var outs = Outbound[node];
                if (next < outs.Count)
                {
                    stack.Push((node, next + 1));
                    var edge = outs[next];
                    var target = Connections[edge].TargetActivityId;
                    if (!state.TryGetValue(target, out var s))
                    {
                        state[target] = 1;
                        stack.Push((target, 0));
                    }
                    else if (s == 1)
                    {
                        back.Add(edge);
                    }
                }
                else
                {
                    state[node] = 2;
                }
            }
        }

        return back;
    }

    private HashSet<string> Reachable(string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var todo = new Stack<string>();
        todo.Push(from);
        while (todo.Count > 0)
        {
            var n = todo.Pop();
            foreach (var edge in Outbound[n])
            {
                if (!BackEdges.Contains(edge) && seen.Add(Connections[edge].TargetActivityId))
                {
                    todo.Push(Connections[edge].TargetActivityId);
                }
            }
        }

        return seen;
    }
}
