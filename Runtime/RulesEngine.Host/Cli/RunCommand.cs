using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Composition;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Serialization;

namespace RulesEngine.Host.Cli;

/// <summary>
/// <c>rulesengine run FILE [--input name=value]… [--payload FILE] [--sandbox]</c>: runs a workflow in-process and prints a JSON result.
/// Exit 0 when Finished or Suspended, 2 when Faulted, 1 when the file is invalid.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("file") { Description = "The workflow JSON file." };
        var inputs = new Option<string[]>("--input", "-i") { Description = "A workflow input as name=value (repeatable).", AllowMultipleArgumentsPerToken = false, Arity = ArgumentArity.ZeroOrMore };
        var payload = new Option<FileInfo?>("--payload") { Description = "A JSON file used as the trigger payload (Trigger in scripts)." };
        var sandbox = new Option<bool>("--sandbox") { Description = "Start an in-process SmartRecruiters sandbox and point the \"smartrecruiters\" connection at it." };
        var command = new Command("run", "Runs a workflow in-process and prints status, outputs, variables and journal as JSON.") { file, inputs, payload, sandbox };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new RunOptions(parse.GetValue(file)!, parse.GetValue(inputs) ?? [], parse.GetValue(payload)) { Sandbox = parse.GetValue(sandbox) };
            return await RunAsync(options, stdout, stderr, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal sealed record RunOptions(FileInfo File, string[] Inputs, FileInfo? Payload)
    {
        public bool Sandbox { get; init; }
    }

    internal static async Task<int> RunAsync(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        await using var sandbox = options.Sandbox ? await SandboxCommand.StartInProcessAsync(cancellationToken).ConfigureAwait(false) : null;
        await using var services = EngineFactory.Create(stderr, s =>
        {
            if (sandbox is not null)
            {
                s.AddSingleton(new StaticSmartRecruitersConnectionProvider().Add(SandboxCommand.ConnectionName, SandboxCommand.Connection(sandbox)));
            }

            // Child workflows (ExecuteWorkflow, workflows used as activities) come from the files beside this one.
            s.AddSingleton<IWorkflowDefinitionSource>(sp => new SiblingWorkflowSource(
                options.File.Directory ?? new DirectoryInfo("."), sp.GetRequiredService<WorkflowJsonReader>(), sp.GetRequiredService<WorkflowLoader>()));
        });
        var reader = services.GetRequiredService<WorkflowJsonReader>();
        var loader = services.GetRequiredService<WorkflowLoader>();
        var runner = services.GetRequiredService<WorkflowRunner>();

        var problems = ValidateCommand.Check(options.File, reader, loader).ToList();
        if (problems.Count > 0)
        {
            foreach (var line in problems)
            {
                await stderr.WriteLineAsync(line).ConfigureAwait(false);
            }

            return 1;
        }

        var definition = reader.Read(await File.ReadAllTextAsync(options.File.FullName, cancellationToken).ConfigureAwait(false), options.File.Name);
        var blueprint = loader.Load(definition);

        var input = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in options.Inputs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                await stderr.WriteLineAsync($"--input '{pair}': expected name=value").ConfigureAwait(false);
                return 1;
            }

            input[pair[..eq]] = pair[(eq + 1)..];
        }

        JsonNode? body = null;
        if (options.Payload is not null)
        {
            try
            {
                body = WorkflowJsonReader.ParseJson(await File.ReadAllTextAsync(options.Payload.FullName, cancellationToken).ConfigureAwait(false), options.Payload.Name);
            }
            catch (Exception ex) when (ex is WorkflowFormatException or IOException)
            {
                await stderr.WriteLineAsync($"--payload: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
        }

        var result = await runner.StartAsync(blueprint, new StartOptions { Input = input, Trigger = new TriggerState { Body = body } }, cancellationToken).ConfigureAwait(false);
        await stdout.WriteLineAsync(RunResultJson.Write(result).ToJsonString(EngineJson.Indented)).ConfigureAwait(false);
        return result.Status == WorkflowStatus.Faulted ? 2 : 0;
    }
}
