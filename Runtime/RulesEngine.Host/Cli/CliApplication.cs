using System.CommandLine;

namespace RulesEngine.Host.Cli;

/// <summary>The <c>rulesengine</c> command line: validate, run, serve, sandbox.</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var root = new RootCommand("RulesEngine: low-code workflows for SmartRecruiters integrations (Elsa 3 format).")
        {
            ValidateCommand.Create(stdout, stderr),
            RunCommand.Create(stdout, stderr),
            ServeCommand.Create(stdout),
            SandboxCommand.Create(stdout, stderr),
        };
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await root.Parse(args).InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
