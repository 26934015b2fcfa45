using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.State;

namespace SmartRecruiters.Sandbox.Configuration;

/// <summary>Hiring processes, candidate sources and rejection/withdrawal reasons.</summary>
internal static class ConfigurationEndpoints
{
    public static void MapConfigurationEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/configuration/hiring-processes", ListProcesses).WithName("SandboxListHiringProcesses");
        api.MapGet("/configuration/hiring-processes/{id}", GetProcess).WithName("SandboxGetHiringProcess");
        api.MapGet("/configuration/sources", ListSourceTypes).WithName("SandboxListSourceTypes");
        api.MapGet("/configuration/sources/{sourceType}/values", ListSourceValues).WithName("SandboxListSourceValues");
        api.MapGet("/configuration/rejection-reasons", (SandboxStore store) => Reasons(store.Read(s => s.RejectionReasons.ToList()))).WithName("SandboxRejectionReasons");
        api.MapGet("/configuration/withdrawal-reasons", (SandboxStore store) => Reasons(store.Read(s => s.WithdrawalReasons.ToList()))).WithName("SandboxWithdrawalReasons");
    }

    public static object Process(HiringProcessRecord p) => new
    {
        id = p.Id,
        name = p.Name,
        active = p.Active,
        // A dictionary, because the camelCase naming policy would rename IN_REVIEW on an anonymous type.
        subStatuses = new Dictionary<string, List<string>>
        {
            ["IN_REVIEW"] = p.SubStatuses.GetValueOrDefault("IN_REVIEW") ?? [],
            ["INTERVIEW"] = p.SubStatuses.GetValueOrDefault("INTERVIEW") ?? [],
            ["OFFERED"] = p.SubStatuses.GetValueOrDefault("OFFERED") ?? [],
        },
    };

    private static IResult ListProcesses(SandboxStore store)
    {
        var content = store.Read(s => s.HiringProcesses.Select(Process).ToList());
        return Results.Json(new { totalFound = content.Count, content }, SandboxJson.Api);
    }

    private static IResult GetProcess(string id, SandboxStore store)
    {
        var process = store.Read(s => s.HiringProcesses.FirstOrDefault(p => p.Id == id) is { } p ? Process(p) : null);
        return process is null
            ? ApiErrors.NotFound("HIRING_PROCESS_NOT_FOUND", $"Hiring process {id} not found.")
            : Results.Json(process, SandboxJson.Api);
    }

    // The excerpt's SourceTypes has no paging (totalFound + content); only the values endpoint pages with offset/limit.
    private static IResult ListSourceTypes(HttpContext context, SandboxStore store, SandboxPaths paths)
    {
        var apiBase = paths.ApiBase(context);
        var content = store.Read(s => s.Sources.Select(t => new
        {
            id = t.Id,
            label = t.Label,
            subtypes = t.Subtypes.Select(st => new { id = st }).ToList(),
            actions = new { values = Formats.Action($"{apiBase}/configuration/sources/{t.Id}/values") },
        }).ToList());
        return Results.Json(new { totalFound = content.Count, content }, SandboxJson.Api);
    }

    private static IResult ListSourceValues(string sourceType, HttpContext context, SandboxStore store)
    {
        if (!RequestReader.TryInt(context, "limit", 100, 1, 100, out var limit, out var error)
            || !RequestReader.TryInt(context, "offset", 0, 0, int.MaxValue, out var offset, out error))
        {
            return error!;
        }

        var subType = context.Request.Query["sourceSubType"].ToString();
        var result = store.Read(s =>
        {
            var type = s.Sources.FirstOrDefault(t => t.Id == sourceType);
            if (type is null)
            {
                return null;
            }

            var values = type.Values.Where(v => subType.Length == 0 || v.SubType == subType).ToList();
            return new
            {
                totalFound = values.Count,
                limit,
                offset,
                content = values.Skip(offset).Take(limit)
                    .Select(v => new { id = v.Id, label = v.Label, sourceSubType = new { id = v.SubType }, actions = new { } }).ToList(),
            };
        });
        return result is null
            ? ApiErrors.NotFound("SOURCE_TYPE_NOT_FOUND", $"Source type {sourceType} not found.")
            : Results.Json(result, SandboxJson.Api);
    }

    private static IResult Reasons(List<ReasonRecord> reasons) =>
        Results.Json(new { totalFound = reasons.Count, content = reasons.Select(r => new { id = r.Id, label = r.Label }) }, SandboxJson.Api);
}
