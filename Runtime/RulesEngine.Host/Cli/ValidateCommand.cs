using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Serialization;
using RulesEngine.Core.Validation;

namespace RulesEngine.Host.Cli;

/// <summary><c>rulesengine validate FILE…</c>: exit 0, or 1 with one line per problem.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Workflow JSON files to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Checks workflow files: unknown types, bad connections, duplicate ids, C# errors, forbidden APIs.") { files };
        command.SetAction(parse =>
        {
            using var services = EngineFactory.Create(stderr);
            var reader = services.GetRequiredService<WorkflowJsonReader>();
            var loader = services.GetRequiredService<WorkflowLoader>();
            var problems = 0;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                foreach (var line in Check(file, reader, loader, stderr, unsupportedOptions: true))
                {
                    stdout.WriteLine(line);
                    problems++;
                }
            }

            return problems == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>One line per problem: <c>FILE: activity &lt;id&gt; '&lt;name&gt;' (&lt;type&gt;): &lt;problem&gt;</c>.</summary>
    /// <remarks>When an import keeps things it cannot run, a summary goes to <paramref name="summary"/> (stderr), so stdout keeps one line per problem.</remarks>
    /// <remarks>With <paramref name="unsupportedOptions"/>, options the engine keeps but ignores get a line each too (validate lists them; run does not refuse over them).</remarks>
    internal static IEnumerable<string> Check(FileInfo file, WorkflowJsonReader reader, WorkflowLoader loader, TextWriter? summary = null, bool unsupportedOptions = false)
    {
        if (!file.Exists)
        {
            return [$"{file.Name}: file not found ({file.FullName})"];
        }

        try
        {
            var lines = new List<string>();
            foreach (var definition in reader.ReadMany(File.ReadAllText(file.FullName), file.Name))
            {
                var blueprint = loader.Load(definition);
                lines.AddRange(blueprint.Problems.Select(p => $"{file.Name}: {p}"));
                var report = ImportReport.Create(definition, blueprint);
                if (unsupportedOptions)
                {
                    lines.AddRange(report.Items.Where(i => i.Kind == ImportReportItem.UnsupportedOption).Select(i => $"{file.Name}: {i}"));
                }

                if (report.HasProblems)
                {
                    summary?.WriteLine($"{file.Name}: import report: {report.Summary}");
                }
            }

            return lines;
        }
        catch (WorkflowFormatException ex)
        {
            return [ex.Message];
        }
    }
}
