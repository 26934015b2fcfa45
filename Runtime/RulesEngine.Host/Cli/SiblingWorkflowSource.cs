using System.Collections.Concurrent;
using RulesEngine.Core.Composition;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Model;
using RulesEngine.Core.Serialization;

namespace RulesEngine.Host.Cli;

/// <summary>
/// Child workflows for <c>rulesengine run</c>: the workflow files (<c>*.json</c>) in the folder of the file being run.
/// Without a version it takes the highest version marked <c>isPublished</c>, else the highest version found, since
/// files written by hand rarely say they are published.
/// </summary>
internal sealed class SiblingWorkflowSource(DirectoryInfo folder, WorkflowJsonReader reader, WorkflowLoader loader) : IWorkflowDefinitionSource
{
    private readonly Lazy<IReadOnlyList<WorkflowDefinition>> _definitions = new(() => ReadAll(folder, reader));
    private readonly ConcurrentDictionary<(string, int), WorkflowBlueprint> _blueprints = new();

    public ValueTask<WorkflowBlueprint?> FindAsync(string tenantId, string definitionId, int? version, CancellationToken cancellationToken)
    {
        var candidates = _definitions.Value.Where(d => string.Equals(d.DefinitionId, definitionId, StringComparison.Ordinal)).ToList();
        var chosen = version is { } v
            ? candidates.FirstOrDefault(d => d.Version == v)
            : candidates.Where(d => d.IsPublished).MaxBy(d => d.Version) ?? candidates.MaxBy(d => d.Version);
        return ValueTask.FromResult(chosen is null ? null : _blueprints.GetOrAdd((chosen.DefinitionId, chosen.Version), _ => loader.Load(chosen)));
    }

    private static List<WorkflowDefinition> ReadAll(DirectoryInfo folder, WorkflowJsonReader reader)
    {
        var all = new List<WorkflowDefinition>();
        foreach (var file in folder.EnumerateFiles("*.json"))
        {
            try
            {
                all.AddRange(reader.ReadMany(File.ReadAllText(file.FullName), file.Name));
            }
            catch (WorkflowFormatException)
            {
                // Not a workflow (a payload file, a mapping): not a candidate child.
            }
        }

        return all;
    }
}
