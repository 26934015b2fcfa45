using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.State;

namespace SmartRecruiters.Sandbox.Candidates;

/// <summary>Candidate, assignment and application payloads in the shapes of the candidates fixtures.</summary>
internal static class CandidateJson
{
    public static object? Location(CandidateLocationRecord? l) => l is null ? null : new
    {
        country = l.Country, countryCode = l.CountryCode, regionCode = l.RegionCode, region = l.Region, city = l.City, lat = l.Lat, lng = l.Lng,
    };

    public static object? Reason(ReasonRecord? r) => r is null ? null : new { id = r.Id, label = r.Label };

    public static object Assignment(SandboxState s, ApplicationRecord a, string apiBase)
    {
        var job = s.Jobs.FirstOrDefault(j => j.Id == a.JobId);
        return new
        {
            job = new
            {
                id = a.JobId,
                title = job?.Title,
                actions = new
                {
                    details = Formats.Action($"{apiBase}/jobs/{a.JobId}"),
                    positionDetails = Formats.Action($"{apiBase}/jobs/{a.JobId}/positions"),
                },
            },
            status = a.Status,
            subStatus = a.SubStatus,
            startsOn = Formats.Iso(a.StartsOn),
            source = a.Source,
            reasonOfRejection = Reason(a.ReasonOfRejection),
            reasonOfWithdrawal = Reason(a.ReasonOfWithdrawal),
            actions = new { sourceDetails = Formats.Action($"{apiBase}/candidates/{a.CandidateId}/jobs/{a.JobId}/source") },
        };
    }

    /// <summary>Applications newest first: the newest is the primary assignment, as in the real API.</summary>
    public static List<ApplicationRecord> ApplicationsOf(SandboxState s, string candidateId) =>
        [.. s.Applications.Where(a => a.CandidateId == candidateId).OrderByDescending(a => a.StartsOn).ThenBy(a => a.Id, StringComparer.Ordinal)];

    public static object Details(SandboxState s, CandidateRecord c, string apiBase)
    {
        var apps = ApplicationsOf(s, c.Id);
        return new
        {
            id = c.Id,
            @internal = c.Internal,
            firstName = c.FirstName,
            lastName = c.LastName,
            email = c.Email,
            phoneNumber = c.PhoneNumber,
            location = Location(c.Location),
            web = c.Web,
            createdOn = Formats.Iso(c.CreatedOn),
            updatedOn = Formats.Iso(c.UpdatedOn),
            tags = c.Tags,
            averageRating = 0, // deprecated, but still in every real payload
            education = c.Education ?? [],
            experience = c.Experience ?? [],
            primaryAssignment = apps.Count > 0 ? Assignment(s, apps[0], apiBase) : null,
            secondaryAssignments = apps.Skip(1).Select(a => Assignment(s, a, apiBase)).ToList(),
            actions = new
            {
                properties = Formats.Action($"{apiBase}/candidates/{c.Id}/properties"),
                attachments = Formats.Action($"{apiBase}/candidates/{c.Id}/attachments"),
                consent = Formats.Action($"{apiBase}/candidates/{c.Id}/consent"),
                consents = Formats.Action($"{apiBase}/candidates/{c.Id}/consents"),
            },
        };
    }

    public static object ListItem(SandboxState s, CandidateRecord c, string apiBase)
    {
        var apps = ApplicationsOf(s, c.Id);
        object Short(ApplicationRecord a, bool withTitle) => new
        {
            job = new
            {
                id = a.JobId,
                title = withTitle ? s.Jobs.FirstOrDefault(j => j.Id == a.JobId)?.Title : null,
                actions = new { details = Formats.Action($"{apiBase}/jobs/{a.JobId}") },
            },
            status = a.Status,
            subStatus = a.SubStatus,
        };

        return new
        {
            id = c.Id,
            @internal = c.Internal,
            firstName = c.FirstName,
            lastName = c.LastName,
            email = c.Email,
            createdOn = Formats.Iso(c.CreatedOn),
            updatedOn = Formats.Iso(c.UpdatedOn),
            location = Location(c.Location),
            tags = c.Tags,
            averageRating = 0,
            consent = new { status = c.ConsentStatus },
            primaryAssignment = apps.Count > 0 ? Short(apps[0], true) : null,
            secondaryAssignments = apps.Skip(1).Select(a => Short(a, false)).ToList(),
            actions = new
            {
                details = Formats.Action($"{apiBase}/candidates/{c.Id}"),
                properties = Formats.Action($"{apiBase}/candidates/{c.Id}/properties"),
            },
        };
    }

    public static object Application(ApplicationRecord a, string apiBase) => new
    {
        applicationId = a.Id,
        candidateId = a.CandidateId,
        jobId = a.JobId,
        status = a.Status,
        subStatus = a.SubStatus,
        startsOn = Formats.Iso(a.StartsOn),
        source = a.Source,
        reasonOfRejection = Reason(a.ReasonOfRejection),
        reasonOfWithdrawal = Reason(a.ReasonOfWithdrawal),
        actions = new { sourceDetails = Formats.Action($"{apiBase}/candidates/{a.CandidateId}/jobs/{a.JobId}/source") },
        url = $"{apiBase}/candidates/{a.CandidateId}/jobs/{a.JobId}",
    };

    public static object Attachment(AttachmentRecord a, string apiBase) => new
    {
        id = a.Id,
        name = a.Name,
        type = a.Type,
        contentType = a.ContentType,
        actions = new
        {
            download = Formats.Action($"{apiBase}/candidates/attachments/{a.Id}"),
            remove = Formats.Action($"{apiBase}/candidates/attachments/{a.Id}", "DELETE"),
        },
    };
}
