using System.Reflection;
using System.Runtime.Loader;

namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>
/// A collectible context per compiled request, so retiring a workflow version frees its code. Dependencies
/// (RulesEngine.Core, the framework) come from the context that loaded RulesEngine.Core, so the generated
/// classes derive from the very same <see cref="ScriptHost"/> type.
/// </summary>
internal sealed class ScriptLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    private static readonly AssemblyLoadContext Parent = GetLoadContext(typeof(ScriptHost).Assembly) ?? Default;

    protected override Assembly? Load(AssemblyName assemblyName) => Parent.LoadFromAssemblyName(assemblyName);
}
