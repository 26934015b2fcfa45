using System.Security.Cryptography;
using RulesEngine.Activities.SmartRecruiters.Webhooks;
using RulesEngine.Core.Serialization;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Features.SmartRecruiters;
using RulesEngine.Persistence.Connections;
using RulesEngine.Persistence.Mappings;
using RulesEngine.Persistence.Tenants;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.Demo;

/// <summary>
/// <c>serve --demo</c>: the tenant <c>demo</c>, its SmartRecruiters connection pointed at the in-process Sandbox
/// (<c>/sandbox</c>), vendor endpoints pointed at the Sandbox's vendor recorder, and every template of <c>workflows/</c>
/// imported and published.
/// </summary>
internal sealed partial class DemoSeeder(
    ITenantStore tenants,
    IConnectionStore connections,
    IWorkflowDefinitionStore definitions,
    IMappingTableStore mappings,
    WorkflowJsonReader reader,
    BlueprintCache blueprints,
    ITriggerIndexer triggers,
    TenantSmartRecruitersConnections smartRecruiters,
    WebhookSubscriptionManager subscriptions,
    ILogger<DemoSeeder> logger)
{
    public const string TenantId = "demo";
    public const string SandboxApiKey = "sandbox-key";
    public static readonly string[] Vendors = ["hackajob", "theorg", "marketing", "hellohire", "fairec"];

    /// <summary>A random admin token for a demo started without one configured.</summary>
    public static string NewAdminToken() => "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public async Task<IReadOnlyList<string>> SeedAsync(Uri baseAddress, string? workflowsFolder, CancellationToken cancellationToken)
    {
        if (await tenants.GetAsync(TenantId, cancellationToken).ConfigureAwait(false) is null)
        {
            await tenants.CreateAsync(TenantId, "Demo tenant", cancellationToken).ConfigureAwait(false);
        }

        var sandbox = new Uri(baseAddress, "/sandbox").ToString().TrimEnd('/');
        await connections.UpsertAsync(TenantId, "smartrecruiters", new ConnectionUpdate
        {
            Kind = "smartrecruiters",
            Settings = new Dictionary<string, string> { ["baseUrl"] = sandbox, ["companyIdentifier"] = "AcmeCorp", ["authMode"] = "apiKey" },
            Secrets = new Dictionary<string, string?> { ["apiKey"] = SandboxApiKey },
        }, cancellationToken).ConfigureAwait(false);
        foreach (var vendor in Vendors)
        {
            await connections.UpsertAsync(TenantId, vendor, new ConnectionUpdate
            {
                Kind = "http",
                Settings = new Dictionary<string, string> { ["baseUrl"] = $"{sandbox}/_vendor/{vendor}" },
            }, cancellationToken).ConfigureAwait(false);
        }

        await SubscribeToSandboxAsync(baseAddress, cancellationToken).ConfigureAwait(false);

        var published = new List<string>();
        if (workflowsFolder is null)
        {
            return published;
        }

        await SeedMappingTablesAsync(Path.Combine(workflowsFolder, "mappings"), cancellationToken).ConfigureAwait(false);

        foreach (var file in Directory.EnumerateFiles(workflowsFolder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var definition = reader.Read(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), Path.GetFileName(file));
                var definitionId = string.IsNullOrEmpty(definition.DefinitionId) ? Path.GetFileNameWithoutExtension(file) : definition.DefinitionId;
                var json = WorkflowJsonWriter.Write(definition);
                if (await definitions.GetAsync(TenantId, definitionId, cancellationToken).ConfigureAwait(false) is null)
                {
                    await definitions.CreateAsync(TenantId, new NewWorkflowDefinition(definitionId, definition.Name, definition.Description, json, "demo"), cancellationToken).ConfigureAwait(false);
                }

                var version = await definitions.PublishAsync(TenantId, definitionId, null, cancellationToken).ConfigureAwait(false);
                if (version is null)
                {
                    continue;
                }

                var blueprint = blueprints.Get(TenantId, version);
                if (!blueprint.IsRunnable)
                {
                    LogTemplateInvalid(logger, Path.GetFileName(file), string.Join("; ", blueprint.Problems.Where(p => p.IsError)));
                    await definitions.RetractAsync(TenantId, definitionId, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await triggers.ReindexAsync(TenantId, definitionId, blueprint, cancellationToken).ConfigureAwait(false);
                published.Add(definitionId);
            }
            catch (WorkflowFormatException ex)
            {
                LogTemplateInvalid(logger, Path.GetFileName(file), ex.Message);
            }
        }

        return published;
    }

    /// <summary>
    /// Imports each <c>mappings/{table}.csv</c> (<c>key,value</c>) the demo's templates need. A table that already exists
    /// is left as it is, so an admin's edits survive a restart of the demo.
    /// </summary>
    private async Task SeedMappingTablesAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var table = Path.GetFileNameWithoutExtension(file);
            if (await mappings.GetRowsAsync(TenantId, table, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            using var csv = new StreamReader(file);
            var result = await mappings.ImportCsvAsync(TenantId, table, csv, replaceExisting: true, cancellationToken).ConfigureAwait(false);
            if (result.Errors.Count > 0)
            {
                LogMappingInvalid(logger, Path.GetFileName(file), string.Join("; ", result.Errors));
            }
        }
    }

    /// <summary>Finds the repository's workflows/ folder from the working directory or the executable's folder.</summary>
    public static string? FindWorkflowsFolder()
    {
        foreach (var start in (string[])[Directory.GetCurrentDirectory(), AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "RulesEngine.sln")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 3301, EventName = "TemplateInvalid", Level = LogLevel.Warning, Message = "Template {File} was not published: {Problems}")]
    private static partial void LogTemplateInvalid(ILogger logger, string file, string problems);

    [LoggerMessage(EventId = 3302, EventName = "MappingInvalid", Level = LogLevel.Warning, Message = "Mapping table {File} was not imported: {Problems}")]
    private static partial void LogMappingInvalid(ILogger logger, string file, string problems);
}
