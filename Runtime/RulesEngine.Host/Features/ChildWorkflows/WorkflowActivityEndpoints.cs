using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RulesEngine.Core.Descriptors;
using RulesEngine.Core.Sdk;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.ChildWorkflows;

/// <summary>
/// <c>GET /api/tenants/{t}/activities</c>: the toolbox of a tenant, i.e. every registered activity type plus the tenant's
/// published workflows marked <c>options.usableAsActivity</c>, described as Elsa does (type = the name in PascalCase,
/// inputs/outputs = the workflow's, outcomes = its declared <c>outcomes</c>).
/// </summary>
public static class WorkflowActivityEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowActivityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tenants/{tenantId}/activities", ListAsync)
            .RequireTenantAccess()
            .AddEndpointFilter(HostEndpoints.RequireExistingTenant)
            .WithTags("Activities")
            .WithName("ListTenantActivities")
            .WithSummary("Activity descriptors for a tenant: every activity type plus its published workflows usable as activities.");
        return app;
    }

    internal static async Task<IResult> ListAsync(string tenantId, ActivityRegistry registry, IWorkflowDefinitionStore store, IServiceProvider services, CancellationToken cancellationToken)
    {
        var blueprints = services.GetRequiredService<BlueprintCache>();
        var descriptors = new List<ActivityDescriptor>(registry.Descriptors);
        foreach (var definition in await store.ListAsync(tenantId, cancellationToken).ConfigureAwait(false))
        {
            if (definition.PublishedVersion is null
                || await store.GetPublishedVersionAsync(tenantId, definition.DefinitionId, cancellationToken).ConfigureAwait(false) is not { } published)
            {
                continue;
            }

            var workflow = blueprints.Get(tenantId, published).Definition;
            if (workflow.Options["usableAsActivity"] is JsonValue usable && usable.TryGetValue<bool>(out var yes) && yes)
            {
                descriptors.Add(Describe(workflow, definition.Name));
            }
        }

        return TypedResults.Ok(descriptors);
    }

    internal static ActivityDescriptor Describe(Core.Model.WorkflowDefinition workflow, string storedName)
    {
        var name = string.IsNullOrWhiteSpace(workflow.Name) ? storedName : workflow.Name;
        var outcomes = workflow.Extra["outcomes"] is JsonArray declared
            ? declared.Select(o => o is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];
        return new ActivityDescriptor
        {
            TypeName = Pascalize(name),
            Category = workflow.Options["activityCategory"] is JsonValue c && c.TryGetValue<string>(out var category) && category.Length > 0 ? category : "Workflows",
            DisplayName = name,
            Description = workflow.Description,
            Kind = ActivityKind.Action,
            Inputs = workflow.Inputs.Select((i, order) => new InputDescriptor
            {
                Name = i.Name,
                DisplayName = i.DisplayName ?? i.Name,
                TypeName = i.TypeName,
                Description = i.Description,
                UiHint = UiHints.SingleLine,
                Order = order,
            }).ToList(),
            Outputs = workflow.Outputs.Select(o => new OutputDescriptor { Name = o.Name, DisplayName = o.DisplayName ?? o.Name, TypeName = o.TypeName, Description = o.Description }).ToList(),
            Outcomes = outcomes.Count > 0 ? outcomes : ["Done"],
            HasSideEffects = true,
            WorkflowDefinitionId = workflow.DefinitionId,
            WorkflowVersion = workflow.Version,
        };
    }

    /// <summary>"Score candidate" → "ScoreCandidate", as Elsa names the activity type of a workflow.</summary>
    internal static string Pascalize(string name)
    {
        var result = new StringBuilder(name.Length);
        var upper = true;
        foreach (var ch in name)
        {
            if (!char.IsLetterOrDigit(ch))
            {
                upper = true;
                continue;
            }

            result.Append(upper ? char.ToUpper(ch, CultureInfo.InvariantCulture) : ch);
            upper = false;
        }

        return result.ToString();
    }
}
