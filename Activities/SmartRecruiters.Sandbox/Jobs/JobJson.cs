using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.State;

namespace SmartRecruiters.Sandbox.Jobs;

/// <summary>Job payloads in the shapes of the jobs fixtures (list item and detail).</summary>
internal static class JobJson
{
    public static readonly object Language = new { code = "en", label = "English", labelNative = "English (US)" };

    public static object Location(JobLocationRecord l) => new
    {
        country = l.Country, countryCode = l.CountryCode, regionCode = l.RegionCode, region = l.Region, city = l.City,
        address = l.Address, postalCode = l.PostalCode, longitude = l.Longitude, latitude = l.Latitude, manual = false, remote = l.Remote,
    };

    public static object? Department(DepartmentRecord? d) => d is null ? null : new { id = d.Id, label = d.Label, description = d.Description };

    public static object? Property(PropertyRecord? p) => p is null ? null : new { id = p.Id, label = p.Label };

    public static object Summary(JobRecord j, string apiBase) => new
    {
        id = j.Id,
        title = j.Title,
        refNumber = j.RefNumber,
        createdOn = Formats.Iso(j.CreatedOn),
        updatedOn = Formats.Iso(j.UpdatedOn),
        lastActivityOn = Formats.Iso(j.LastActivityOn),
        department = Department(j.Department),
        location = Location(j.Location),
        status = j.Status,
        postingStatus = j.PostingStatus,
        language = Language,
        actions = new { details = Formats.Action($"{apiBase}/jobs/{j.Id}") },
    };

    public static object Details(JobRecord j, string apiBase) => new
    {
        id = j.Id,
        title = j.Title,
        refNumber = j.RefNumber,
        createdOn = Formats.Iso(j.CreatedOn),
        updatedOn = Formats.Iso(j.UpdatedOn),
        lastActivityOn = Formats.Iso(j.LastActivityOn),
        department = Department(j.Department),
        location = Location(j.Location),
        status = j.Status,
        postingStatus = j.PostingStatus,
        targetHiringDate = Formats.Iso(j.CreatedOn.AddDays(60)),
        industry = Property(j.Industry),
        function = Property(j.Function),
        typeOfEmployment = Property(j.TypeOfEmployment),
        experienceLevel = Property(j.ExperienceLevel),
        eeoCategory = new { id = "not_applicable", label = "Not applicable" },
        template = false,
        creator = new { id = "3f0a1e5c-7d2b-4c55-9a0e-5b7c1d2e3f40", firstName = "Api", lastName = "Admin" },
        compensation = j.CompensationMin is null ? null : new { min = j.CompensationMin, max = j.CompensationMax, currency = j.Currency },
        jobAd = new { sections = Sections(j), language = Language },
        properties = Array.Empty<object>(),
        actions = new
        {
            hiringTeam = Formats.Action($"{apiBase}/jobs/{j.Id}/hiring-team"),
            publications = Formats.Action($"{apiBase}/jobs/{j.Id}/publications"),
            positions = Formats.Action($"{apiBase}/jobs/{j.Id}/positions"),
            applyOnWeb = j.PostingId is null ? null : Formats.Action($"https://jobs.smartrecruiters.com/oneclick-ui/company/{j.Id}/publication/{j.PostingUuid}"),
            details = Formats.Action($"{apiBase}/jobs/{j.Id}"),
        },
    };

    public static object Sections(JobRecord j) => new
    {
        companyDescription = new { title = "Company Description", text = "<p>Acme builds everything.</p>" },
        jobDescription = new { title = "Job Description", text = $"<p>{j.Description}</p>" },
        qualifications = new { title = "Qualifications", text = $"<p>{j.Qualifications}</p>" },
        additionalInformation = new { title = "Additional Information", text = "<p>Equal opportunity employer.</p>" },
    };
}
