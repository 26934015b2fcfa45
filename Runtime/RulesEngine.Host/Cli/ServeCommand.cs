using System.CommandLine;
using RulesEngine.Host.Infrastructure;

namespace RulesEngine.Host.Cli;

/// <summary><c>rulesengine serve [--urls URL] [--data DIR] [--demo]</c>: API, webhooks, scheduler and Designer on one port.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout)
    {
        var urls = new Option<string>("--urls") { Description = "Listen address.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var data = new Option<string?>("--data") { Description = "Data folder (SQLite database). Default ./data." };
        var demo = new Option<bool>("--demo") { Description = "Create the demo tenant wired to the in-process SmartRecruiters Sandbox and publish the templates." };
        var command = new Command("serve", "Runs the API, webhooks, scheduler and the Designer.") { urls, data, demo };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new ServeSettings { Urls = parse.GetValue(urls)!, DataDirectory = parse.GetValue(data), Demo = parse.GetValue(demo) };
            await using var app = RulesEngineWebHost.Build(settings);
            await RulesEngineWebHost.StartAsync(app, settings, stdout, cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
