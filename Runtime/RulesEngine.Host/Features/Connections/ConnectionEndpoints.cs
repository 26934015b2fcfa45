using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Host.Features.Audit;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Persistence.Audit;
using RulesEngine.Persistence.Connections;
using ConnectionInfo = RulesEngine.Persistence.Connections.ConnectionInfo;

namespace RulesEngine.Host.Features.Connections;

/// <summary>A tenant's connections (SmartRecruiters credentials, vendor endpoints). Secrets are write-only.</summary>
public static partial class ConnectionEndpoints
{
    public static IEndpointRouteBuilder MapConnectionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenants/{tenantId}/connections").WithTags("Connections").RequireTenantAccess()
            .AddEndpointFilter(HostEndpoints.RequireExistingTenant);
        group.MapGet("/", ListAsync).WithName("ListConnections").WithSummary("Connections with their settings; secrets only as hasValue.");
        group.MapGet("/{name}", GetAsync).WithName("GetConnection").WithSummary("One connection; secrets only as hasValue.");
        group.MapPut("/{name}", UpsertAsync).WithName("UpsertConnection")
            .WithSummary("Creates or updates a connection; omitted or null secrets keep their stored value, an empty string removes one.");
        group.MapDelete("/{name}", DeleteAsync).WithName("DeleteConnection").WithSummary("Deletes a connection.");
        group.MapPost("/{name}/test", TestAsync).WithName("TestConnection").WithSummary("Makes one harmless authenticated request and says whether it worked.");
        group.MapGet("/{name}/options", OptionsAsync).WithName("GetConnectionOptions")
            .WithSummary("SmartRecruiters connections: candidate statuses, sub-statuses of the active hiring processes, and jobs, for pickers.");
        return app;
    }

    public static async Task<Ok<List<ConnectionModel>>> ListAsync(string tenantId, IConnectionStore store, CancellationToken cancellationToken)
    {
        var list = await store.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(ToModel).ToList());
    }

    public static async Task<Results<Ok<ConnectionModel>, ProblemHttpResult>> GetAsync(string tenantId, string name, IConnectionStore store, CancellationToken cancellationToken)
    {
        var found = await store.GetAsync(tenantId, name, cancellationToken).ConfigureAwait(false);
        return found is null ? ConnectionNotFound(name) : TypedResults.Ok(ToModel(found));
    }

    public static async Task<Results<Ok<ConnectionModel>, ValidationProblem>> UpsertAsync(
        string tenantId, string name, UpsertConnectionRequest request, IConnectionStore store, IAuditStore audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!NamePattern().IsMatch(name))
        {
            return HostEndpoints.Invalid("name", "1-64 letters, digits, '-', '_' or '.', starting with a letter or digit");
        }

        if (request.Kind is null || !ConnectionKind.All.TryGetValue(request.Kind, out var kind))
        {
            return HostEndpoints.Invalid("kind", $"must be one of: {string.Join(", ", ConnectionKind.All.Keys)}");
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Settings ?? [])
        {
            if (!kind.Settings.Contains(key, StringComparer.Ordinal))
            {
                return HostEndpoints.Invalid($"settings.{key}", $"'{kind.Name}' connections have the settings {string.Join(", ", kind.Settings)}");
            }

            if (!string.IsNullOrWhiteSpace(value))
            {
                settings[key] = value.Trim();
            }
        }

        if (!settings.TryGetValue("baseUrl", out var baseUrl) || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return HostEndpoints.Invalid("settings.baseUrl", "an absolute http(s) URL is required");
        }

        if (kind.Name == ConnectionKind.SmartRecruiters)
        {
            var authMode = settings.GetValueOrDefault("authMode") ?? "apiKey";
            if (authMode is not ("apiKey" or "oauth"))
            {
                return HostEndpoints.Invalid("settings.authMode", "must be apiKey or oauth");
            }

            if (authMode == "oauth" && !settings.ContainsKey("clientId"))
            {
                return HostEndpoints.Invalid("settings.clientId", "OAuth connections need a clientId");
            }

            settings["authMode"] = authMode;
        }

        var secrets = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Secrets ?? [])
        {
            if (!kind.Secrets.Contains(key, StringComparer.Ordinal))
            {
                return HostEndpoints.Invalid($"secrets.{key}", $"'{kind.Name}' connections have the secrets {string.Join(", ", kind.Secrets)}");
            }

            switch (value)
            {
                case null:
                    continue; // write-only: null means "keep what is stored"
                case JsonValue v when HostEndpoints.StringValue(v) is { } text:
                    secrets[key] = text.Length == 0 ? null : text;
                    break;
                case JsonArray a when key == "webhookSecretKeys" && a.All(i => HostEndpoints.StringValue(i) is not null):
                    secrets[key] = a.Count == 0 ? null : JsonSerializer.Serialize(a.Select(i => HostEndpoints.StringValue(i)!).ToList());
                    break;
                default:
                    return HostEndpoints.Invalid($"secrets.{key}", key == "webhookSecretKeys" ? "must be an array of strings" : "must be a string");
            }
        }

        var saved = await store.UpsertAsync(tenantId, name, new ConnectionUpdate { Kind = kind.Name, Settings = settings, Secrets = secrets }, cancellationToken).ConfigureAwait(false);

        // Names only: the audit trail must never hold a secret value.
        await audit.RecordAsync(tenantId, user, AuditActions.ConnectionChanged, name,
            new { kind = kind.Name, settings = settings.Keys.Order(StringComparer.Ordinal).ToList(), changedSecrets = secrets.Keys.Order(StringComparer.Ordinal).ToList() },
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ToModel(saved));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string tenantId, string name, IConnectionStore store, IAuditStore audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(tenantId, name, cancellationToken).ConfigureAwait(false))
        {
            return ConnectionNotFound(name);
        }

        await audit.RecordAsync(tenantId, user, AuditActions.ConnectionDeleted, name, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<ConnectionTestResult>, ProblemHttpResult>> TestAsync(
        string tenantId, string name, IConnectionSecretsReader secrets, ConnectionTester tester, CancellationToken cancellationToken)
    {
        var connection = await secrets.GetAsync(tenantId, name, cancellationToken).ConfigureAwait(false);
        return connection is null ? ConnectionNotFound(name) : TypedResults.Ok(await tester.TestAsync(connection, cancellationToken).ConfigureAwait(false));
    }

    internal static async Task<Results<Ok<SmartRecruitersOptions>, ProblemHttpResult, ValidationProblem>> OptionsAsync(
        string tenantId, string name, IConnectionStore store, SmartRecruitersOptionsReader reader, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var found = await store.GetAsync(tenantId, name, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return ConnectionNotFound(name);
        }

        if (found.Kind != ConnectionKind.SmartRecruiters)
        {
            return HostEndpoints.Invalid("name", $"'{name}' is a '{found.Kind}' connection; only smartrecruiters connections have options");
        }

        try
        {
            var options = await reader.ReadAsync(tenantId, name, cancellationToken).ConfigureAwait(false);
            return options is null ? ConnectionNotFound(name) : TypedResults.Ok(options);
        }
        catch (SmartRecruitersApiException ex)
        {
            // The message names method, path and SmartRecruiters' error codes, never the credential.
            Log.OptionsFailed(loggers.CreateLogger(typeof(ConnectionEndpoints)), tenantId, name, ex.Message);
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "SmartRecruiters did not answer as expected", detail: ex.Message);
        }
        catch (SmartRecruitersConfigurationException ex)
        {
            return HostEndpoints.Invalid("name", ex.Message);
        }
    }

    private static ProblemHttpResult ConnectionNotFound(string name) => HostEndpoints.NotFound($"connection '{name}' was not found");

    private static ConnectionModel ToModel(ConnectionInfo c)
    {
        // Every secret the kind knows is listed, so that forms can show "not set" as well as "set".
        var secrets = new Dictionary<string, SecretState>(StringComparer.Ordinal);
        foreach (var known in ConnectionKind.All.TryGetValue(c.Kind, out var kind) ? kind.Secrets : [])
        {
            secrets[known] = new SecretState(false);
        }

        foreach (var stored in c.Secrets.Keys)
        {
            secrets[stored] = new SecretState(true);
        }

        return new ConnectionModel(c.Name, c.Kind, c.Settings, secrets, c.UpdatedAt);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
