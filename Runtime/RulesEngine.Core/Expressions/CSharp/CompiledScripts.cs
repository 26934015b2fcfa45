using System.Runtime.Loader;

namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>
/// The result of compiling one request (a workflow version's scripts): diagnostics, and on success one delegate per
/// activity input. The code lives in its own collectible <see cref="AssemblyLoadContext"/>; <see cref="Retire"/> or
/// <see cref="Dispose"/> let it be unloaded. Delegates already handed out keep working until they are dropped:
/// the runtime only frees the code once nothing references it.
/// </summary>
public sealed class CompiledScripts : IDisposable
{
    private readonly Dictionary<(string ActivityId, string InputName), CompiledScript> _scripts;
    private readonly ScriptCache? _cache;
    private AssemblyLoadContext? _loadContext;

    internal CompiledScripts(
        string contentHash,
        IReadOnlyList<ScriptDiagnostic> diagnostics,
        Dictionary<(string ActivityId, string InputName), CompiledScript>? scripts,
        AssemblyLoadContext? loadContext,
        ScriptCache? cache)
    {
        ContentHash = contentHash;
        Diagnostics = diagnostics;
        Success = scripts is not null;
        _scripts = scripts ?? [];
        _loadContext = loadContext;
        _cache = cache;
        LoadContextReference = new WeakReference(loadContext);
    }

    /// <summary>True when every script compiled and passed the sandbox checks.</summary>
    public bool Success { get; }

    /// <summary>Errors and warnings, each tied to an activity, an input and a position in the user's code.</summary>
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; }

    /// <summary>Hash of the request's content: equal requests share one compiled result.</summary>
    public string ContentHash { get; }

    /// <summary>Tells whether the collectible context still exists (tests watch unloading through it).</summary>
    internal WeakReference LoadContextReference { get; }

    internal bool IsUnloadRequested => _loadContext is null;

    /// <summary>The script compiled for an activity input, or null (no such script, or compilation failed).</summary>
    public CompiledScript? Get(string activityId, string inputName) =>
        _scripts.TryGetValue((activityId, inputName), out var script) ? script : null;

    /// <summary>
    /// The caller no longer needs this result (its workflow version was retired). While the cache still holds it,
    /// an identical version may reuse it; the cache unloads it when it is evicted. If it is not cached, it is unloaded now.
    /// </summary>
    public void Retire()
    {
        if (_cache is null || !_cache.Contains(this))
        {
            Unload();
        }
    }

    /// <summary>Removes this result from the cache and unloads its code.</summary>
    public void Dispose()
    {
        _cache?.Remove(this);
        Unload();
    }

    internal void Unload() => Interlocked.Exchange(ref _loadContext, null)?.Unload();
}
