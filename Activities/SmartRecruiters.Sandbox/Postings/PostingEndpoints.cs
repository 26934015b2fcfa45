using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.Jobs;
using SmartRecruiters.Sandbox.State;

namespace SmartRecruiters.Sandbox.Postings;

/// <summary>
/// The public Posting API. No key is needed; the company identifier is compared case-sensitively, and an unknown
/// identifier yields an empty list (the excerpt documents only 200 for the list) but 404 for a single posting.
/// </summary>
internal static class PostingEndpoints
{
    public static void MapPostingEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/v1/companies/{companyIdentifier}/postings", List).WithName("SandboxListPostings").WithMetadata(ApiEndpointKind.PublicAccess);
        api.MapGet("/v1/companies/{companyIdentifier}/postings/{postingId}", Get).WithName("SandboxGetPosting").WithMetadata(ApiEndpointKind.PublicAccess);
    }

    private static bool HasCredential(HttpContext context) =>
        context.Items[ApiPipelineFilter.CredentialItem] is string c && !c.StartsWith("anonymous:", StringComparison.Ordinal);

    private static IResult List(string companyIdentifier, HttpContext context, SandboxStore store, SandboxPaths paths)
    {
        if (!RequestReader.TryInt(context, "limit", 100, 1, 100, out var limit, out var error)
            || !RequestReader.TryInt(context, "offset", 0, 0, int.MaxValue, out var offset, out error)
            || !RequestReader.TryDate(context, "releasedAfter", out var releasedAfter, out error))
        {
            return error!;
        }

        var query = context.Request.Query;
        var destination = query["destination"].ToString() is { Length: > 0 } d ? d : "PUBLIC";
        if (destination is not ("PUBLIC" or "INTERNAL" or "INTERNAL_OR_PUBLIC"))
        {
            return ApiErrors.BadRequest("INVALID_PARAMETER", "destination must be PUBLIC, INTERNAL or INTERNAL_OR_PUBLIC.");
        }

        // Internal postings are for employees: without a key they are never listed.
        var visible = destination switch
        {
            "INTERNAL" => HasCredential(context) ? new[] { "INTERNAL" } : [],
            "INTERNAL_OR_PUBLIC" => HasCredential(context) ? ["PUBLIC", "INTERNAL"] : ["PUBLIC"],
            _ => ["PUBLIC"],
        };
        var q = query["q"].ToString();
        var department = query["department"].ToString();
        var country = query["country"].ToString();
        var region = query["region"].ToString();
        var city = query["city"].ToString();
        var locationType = query["locationType"].ToString();
        var apiBase = paths.ApiBase(context);

        var result = store.Read(s =>
        {
            if (!string.Equals(s.Company.Identifier, companyIdentifier, StringComparison.Ordinal))
            {
                return new { totalFound = 0, limit, offset, content = new List<object>() };
            }

            var matches = s.Jobs.Where(j => j.PostingId is not null && visible.Contains(j.PostingStatus)
                    && (q.Length == 0 || j.Title.Contains(q, StringComparison.OrdinalIgnoreCase))
                    && (department.Length == 0 || j.Department?.Id == department)
                    && (country.Length == 0 || string.Equals(j.Location.CountryCode, country, StringComparison.OrdinalIgnoreCase) || string.Equals(j.Location.Country, country, StringComparison.OrdinalIgnoreCase))
                    && (region.Length == 0 || string.Equals(j.Location.Region, region, StringComparison.OrdinalIgnoreCase))
                    && (city.Length == 0 || string.Equals(j.Location.City, city, StringComparison.OrdinalIgnoreCase))
                    && (locationType is "" or "ANY" || (locationType == "REMOTE") == j.Location.Remote)
                    && (releasedAfter is null || j.ReleasedDate > releasedAfter))
                .OrderByDescending(j => j.ReleasedDate).ThenBy(j => j.PostingId, StringComparer.Ordinal)
                .ToList();
            return new
            {
                totalFound = matches.Count,
                limit,
                offset,
                content = matches.Skip(offset).Take(limit).Select(j => Item(j, s.Company, apiBase)).ToList(),
            };
        });
        return Results.Json(result, SandboxJson.Api, contentType: "application/json; charset=utf-8");
    }

    private static IResult Get(string companyIdentifier, string postingId, HttpContext context, SandboxStore store, SandboxPaths paths)
    {
        var apiBase = paths.ApiBase(context);
        var withKey = HasCredential(context);
        var posting = store.Read(s =>
        {
            if (!string.Equals(s.Company.Identifier, companyIdentifier, StringComparison.Ordinal))
            {
                return null;
            }

            // PRIVATE postings are unlisted but reachable by their link, as on the real career site.
            var job = s.Jobs.FirstOrDefault(j => j.PostingId is not null && (j.PostingId == postingId || j.PostingUuid == postingId)
                && (j.PostingStatus is "PUBLIC" or "PRIVATE" || (j.PostingStatus == "INTERNAL" && withKey)));
            return job is null ? null : Detail(job, s.Company, apiBase);
        });
        return posting is null
            ? ApiErrors.NotFound("POSTING_NOT_FOUND", $"Posting {postingId} not found.")
            : Results.Json(posting, SandboxJson.Api, contentType: "application/json; charset=utf-8");
    }

    private static object Location(JobRecord j) => new { country = j.Location.CountryCode, region = j.Location.Region, city = j.Location.City, remote = j.Location.Remote };

    private static object Item(JobRecord j, CompanyRecord company, string apiBase) => new
    {
        id = j.PostingId,
        uuid = j.PostingUuid,
        name = j.Title,
        jobAdId = j.PostingUuid,
        defaultJobAd = true,
        refNumber = j.RefNumber,
        company = new { identifier = company.Identifier, name = company.Name },
        releasedDate = Formats.Iso(j.ReleasedDate),
        location = Location(j),
        industry = JobJson.Property(j.Industry),
        department = JobJson.Department(j.Department),
        function = JobJson.Property(j.Function),
        typeOfEmployment = JobJson.Property(j.TypeOfEmployment),
        experienceLevel = j.ExperienceLevel is { } e ? new { id = e.Id, name = e.Label } : null,
        customField = Array.Empty<object>(),
        @ref = $"{apiBase}/v1/companies/{company.Identifier}/postings/{j.PostingId}",
        creator = new { name = "Api Admin" },
        language = JobJson.Language,
        visibility = j.PostingStatus == "INTERNAL" ? "INTERNAL" : "PUBLIC",
    };

    private static object Detail(JobRecord j, CompanyRecord company, string apiBase) => new
    {
        id = j.PostingId,
        uuid = j.PostingUuid,
        name = j.Title,
        jobId = j.Id,
        jobAdId = j.PostingUuid,
        defaultJobAd = true,
        applyUrl = $"https://jobs.smartrecruiters.com/{company.Identifier}/{j.PostingId}?oga=true",
        postingUrl = $"https://jobs.smartrecruiters.com/{company.Identifier}/{j.PostingId}",
        referralUrl = $"https://jobs.smartrecruiters.com/{company.Identifier}/{j.PostingId}?trid=referral",
        refNumber = j.RefNumber,
        company = new { identifier = company.Identifier, name = company.Name },
        releasedDate = Formats.Iso(j.ReleasedDate),
        location = Location(j),
        industry = JobJson.Property(j.Industry),
        department = JobJson.Department(j.Department),
        function = JobJson.Property(j.Function),
        typeOfEmployment = JobJson.Property(j.TypeOfEmployment),
        experienceLevel = j.ExperienceLevel is { } e ? new { id = e.Id, name = e.Label } : null,
        customField = Array.Empty<object>(),
        @ref = $"{apiBase}/v1/companies/{company.Identifier}/postings/{j.PostingId}",
        creator = new { name = "Api Admin" },
        language = JobJson.Language,
        visibility = j.PostingStatus == "INTERNAL" ? "INTERNAL" : "PUBLIC",
        jobAd = new { sections = JobJson.Sections(j) },
        active = j.Status is not ("FILLED" or "CANCELLED"),
    };
}
