using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>
/// The only assemblies scripts compile against. Built once per process: a MetadataReference holds the parsed
/// metadata, and sharing it keeps each compilation cheap and the memory flat.
/// </summary>
internal static class ScriptReferences
{
    /// <summary>The allowlist. Anything else (System.Net.Http, System.Diagnostics.Process, ...) simply does not resolve.</summary>
    private static readonly string[] FrameworkAssemblies =
    [
        "System.Private.CoreLib",
        "System.Runtime",
        "System.Runtime.Extensions",
        "System.Collections",
        "System.Linq",
        "System.Memory",
        "System.Text.Json",
        "System.Text.Encodings.Web",
        "System.Text.RegularExpressions",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Load);

    private static readonly HashSet<string> Names = new(FrameworkAssemblies.Append(typeof(ScriptHost).Assembly.GetName().Name!), StringComparer.OrdinalIgnoreCase);

    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    public static bool IsReferenced(Assembly assembly) => assembly.GetName().Name is { } name && Names.Contains(name);

    private static ImmutableArray<MetadataReference> Load()
    {
        // The runtime's own implementation assemblies: the exact code that will run, and no reference pack needed.
        // The list may name an assembly twice (app-local copy and framework); the first one is what the runtime loads.
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var name in FrameworkAssemblies)
        {
            var file = paths.TryGetValue(name, out var found) ? found : Path.Combine(directory, name + ".dll");
            if (File.Exists(file))
            {
                references.Add(MetadataReference.CreateFromFile(file));
            }
        }

        var core = typeof(ScriptHost).Assembly.Location;
        if (string.IsNullOrEmpty(core))
        {
            throw new InvalidOperationException("C# scripts need RulesEngine.Core as a file on disk (single-file publishing is not supported).");
        }

        references.Add(MetadataReference.CreateFromFile(core));
        return references.ToImmutable();
    }
}
