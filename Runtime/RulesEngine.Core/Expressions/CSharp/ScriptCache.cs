using System.Diagnostics.CodeAnalysis;

namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>A bounded LRU of compiled requests by content hash; what falls out is unloaded.</summary>
internal sealed class ScriptCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<CompiledScripts>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<CompiledScripts> _order = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(string hash, [MaybeNullWhen(false)] out CompiledScripts scripts)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(hash, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                scripts = node.Value;
                return true;
            }
        }

        scripts = null;
        return false;
    }

    public bool Contains(CompiledScripts scripts)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(scripts.ContentHash, out var node) && ReferenceEquals(node.Value, scripts);
        }
    }

    /// <summary>Adds <paramref name="scripts"/>, or returns the entry another thread added first for the same hash.</summary>
    public CompiledScripts Add(CompiledScripts scripts)
    {
        if (capacity <= 0)
        {
            return scripts;
        }

        List<CompiledScripts> evicted = [];
        CompiledScripts result;
        lock (_lock)
        {
            if (_entries.TryGetValue(scripts.ContentHash, out var existing))
            {
                result = existing.Value;
            }
            else
            {
                _entries[scripts.ContentHash] = _order.AddFirst(scripts);
                result = scripts;
                while (_entries.Count > capacity && _order.Last is { } last)
                {
                    _order.RemoveLast();
                    _entries.Remove(last.Value.ContentHash);
                    evicted.Add(last.Value);
                }
            }
        }

        if (!ReferenceEquals(result, scripts))
        {
            scripts.Unload();
        }

        foreach (var old in evicted)
        {
            old.Unload();
        }

        return result;
    }

    public void Remove(CompiledScripts scripts)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(scripts.ContentHash, out var node) && ReferenceEquals(node.Value, scripts))
            {
                _order.Remove(node);
                _entries.Remove(scripts.ContentHash);
            }
        }
    }
}
