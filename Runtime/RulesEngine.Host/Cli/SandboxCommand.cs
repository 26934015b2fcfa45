using System.CommandLine;
using RulesEngine.Activities.SmartRecruiters.Connections;
using SmartRecruiters.Sandbox;

namespace RulesEngine.Host.Cli;

/// <summary>
/// <c>rulesengine sandbox [--urls URL] [--seed FILE] [--api-key KEY]</c>: the SmartRecruiters simulator on its own until
/// Ctrl+C; also the in-process sandbox behind <c>rulesengine run --sandbox</c>.
/// </summary>
internal static class SandboxCommand
{
    public const string ConnectionName = "smartrecruiters";
    public const string DefaultApiKey = "sandbox-key";
    public const string DefaultCompany = "AcmeCorp";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5180" };
        var seed = new Option<FileInfo?>("--seed") { Description = "A state dump (GET _sandbox/state) to start from instead of the generated seed." };
        var apiKey = new Option<string>("--api-key") { Description = "The X-SmartToken value to accept.", DefaultValueFactory = _ => DefaultApiKey };
        var command = new Command("sandbox", "Runs the SmartRecruiters simulator until Ctrl+C.") { urls, seed, apiKey };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seedFile = parse.GetValue(seed);
            if (seedFile is not null && !seedFile.Exists)
            {
                await stderr.WriteLineAsync($"--seed: file not found ({seedFile.FullName})").ConfigureAwait(false);
                return 1;
            }

            await using var server = await SandboxServer.StartAsync(new SandboxServerOptions
            {
                Urls = parse.GetValue(urls)!,
                SeedFile = seedFile?.FullName,
                ApiKey = parse.GetValue(apiKey),
            }, cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync($"SmartRecruiters sandbox listening on {server.BaseUrl} (admin: {server.BaseUrl}/_sandbox). Press Ctrl+C to stop.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop cleanly.
            }

            return 0;
        });
        return command;
    }

    /// <summary>A sandbox on a free loopback port for one <c>run --sandbox</c>.</summary>
    public static Task<SandboxServer> StartInProcessAsync(CancellationToken cancellationToken) =>
        SandboxServer.StartAsync(new SandboxServerOptions { Urls = "http://127.0.0.1:0", ApiKey = DefaultApiKey }, cancellationToken);

    public static SmartRecruitersConnection Connection(SandboxServer sandbox) => new()
    {
        BaseUrl = sandbox.BaseUrl,
        ApiKey = DefaultApiKey,
        CompanyIdentifier = DefaultCompany,
    };
}
