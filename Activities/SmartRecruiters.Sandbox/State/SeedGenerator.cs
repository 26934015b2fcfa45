using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SmartRecruiters.Sandbox.State;

/// <summary>
/// Builds the default tenant. Everything derives from a fixed random seed and a fixed clock so that two sandboxes
/// (and two test runs) see exactly the same ids, names and dates.
/// </summary>
internal static class SeedGenerator
{
    public const int JobCount = 260;
    public const int CandidateCount = 50;
    private static readonly DateTimeOffset Epoch = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private static readonly (string Id, string Label)[] Departments =
    [
        ("1001", "Engineering"), ("1002", "Sales"), ("1003", "Marketing"), ("1004", "Finance"),
        ("1005", "Operations"), ("1006", "People"), ("1007", "Customer Success"), ("1008", "Product"),
    ];

    private static readonly (string City, string Region, string RegionCode, string Country, string CountryCode, double Lat, double Lng)[] Cities =
    [
        ("Berlin", "Berlin", "BE", "Germany", "de", 52.52, 13.405), ("Krakow", "Lesser Poland", "MA", "Poland", "pl", 50.0647, 19.945),
        ("London", "England", "ENG", "United Kingdom", "gb", 51.5072, -0.1276), ("Paris", "Ile-de-France", "IDF", "France", "fr", 48.8566, 2.3522),
        ("San Francisco", "California", "CA", "United States", "us", 37.7749, -122.4194), ("New York", "New York", "NY", "United States", "us", 40.7128, -74.006),
        ("Toronto", "Ontario", "ON", "Canada", "ca", 43.6532, -79.3832), ("Sydney", "New South Wales", "NSW", "Australia", "au", -33.8688, 151.2093),
    ];

    private static readonly string[] Roles =
    [
        "Software Engineer", "Account Executive", "Marketing Manager", "Financial Analyst", "Operations Coordinator",
        "HR Business Partner", "Customer Success Manager", "Product Manager", "Data Scientist", "Sales Development Rep",
        "Content Strategist", "Payroll Specialist", "Site Reliability Engineer", "Recruiter", "UX Designer",
    ];

    private static readonly string[] Levels = ["Junior", "", "Senior", "Lead", "Principal"];

    // Cycles chosen so that every status and posting status appears many times.
    private static readonly string[] JobStatuses = ["SOURCING", "SOURCING", "INTERVIEW", "OFFER", "CREATED", "FILLED", "ON_HOLD", "CANCELLED", "SOURCING", "INTERVIEW"];
    private static readonly string[] PostingStatuses = ["PUBLIC", "PUBLIC", "INTERNAL", "PUBLIC", "PRIVATE", "NOT_PUBLISHED", "PUBLIC"];

    private static readonly string[] FirstNames =
    [
        "Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Edsger",
        "Radia", "Tim", "Katherine", "John", "Hedy", "Niklaus", "Anita", "Donald", "Sophie", "Guido",
    ];

    private static readonly string[] LastNames =
    [
        "Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen", "Dijkstra",
        "Perlman", "Berners-Lee", "Johnson", "McCarthy", "Lamarr", "Wirth", "Borg", "Knuth", "Wilson", "Rossum",
    ];

    private static readonly string[] TagPool = ["java", "dotnet", "remote-ok", "referral", "silver-medalist", "relocation", "priority", "spanish", "german", "talent-pool"];

    public static SandboxState Create(string companyIdentifier, string companyName)
    {
        var random = new Random(20250106);
        var state = new SandboxState { Company = new CompanyRecord { Identifier = companyIdentifier, Name = companyName } };

        state.HiringProcesses.Add(new HiringProcessRecord
        {
            Id = "hp-default",
            Name = "Default hiring process",
            SubStatuses = new()
            {
                ["IN_REVIEW"] = ["New review", "Phone screen", "Assessment sent"],
                ["INTERVIEW"] = ["To be scheduled", "Scheduled", "Feedback pending"],
                ["OFFERED"] = ["Offer drafted", "Offer sent", "Offer accepted"],
            },
        });
        state.HiringProcesses.Add(new HiringProcessRecord
        {
            Id = "hp-engineering",
            Name = "Engineering hiring process",
            SubStatuses = new()
            {
                ["IN_REVIEW"] = ["CV screen", "Coding challenge"],
                ["INTERVIEW"] = ["Technical interview", "System design", "Culture fit"],
                ["OFFERED"] = ["Offer sent"],
            },
        });
        state.HiringProcesses.Add(new HiringProcessRecord { Id = "hp-legacy", Name = "Legacy process (inactive)", Active = false, SubStatuses = new() { ["IN_REVIEW"] = [], ["INTERVIEW"] = [], ["OFFERED"] = [] } });

        state.Sources.Add(new SourceTypeRecord
        {
            Id = "JOB_BOARDS", Label = "Job boards", Subtypes = [],
            Values = [new() { Id = "linkedin-jobs", Label = "LinkedIn Jobs" }, new() { Id = "indeed", Label = "Indeed" }, new() { Id = "stepstone", Label = "StepStone" }, new() { Id = "hackajob", Label = "hackajob" }],
        });
        state.Sources.Add(new SourceTypeRecord
        {
            Id = "SOCIAL_MEDIA", Label = "Social media", Subtypes = ["PROFESSIONAL", "GENERAL"],
            Values = [new() { Id = "linkedin", Label = "LinkedIn", SubType = "PROFESSIONAL" }, new() { Id = "xing", Label = "XING", SubType = "PROFESSIONAL" }, new() { Id = "facebook", Label = "Facebook", SubType = "GENERAL" }],
        });
        state.Sources.Add(new SourceTypeRecord { Id = "AGENCIES", Label = "Agencies", Values = [new() { Id = "acme-staffing", Label = "Acme Staffing" }] });
        state.Sources.Add(new SourceTypeRecord { Id = "REFERRALS", Label = "Referrals", Values = [new() { Id = "employee-referral", Label = "Employee referral" }] });
        state.Sources.Add(new SourceTypeRecord
        {
            Id = "OTHER", Label = "Other",
            Values = [.. Enumerable.Range(1, 30).Select(i => new SourceValueRecord { Id = $"other-{i:00}", Label = $"Other source {i}" })],
        });
        state.Sources.Add(new SourceTypeRecord { Id = "API", Label = "API", Values = [new() { Id = "rulesengine", Label = "RulesEngine" }] });

        state.RejectionReasons.AddRange([new() { Id = "rr-skills", Label = "Skills mismatch" }, new() { Id = "rr-experience", Label = "Not enough experience" }, new() { Id = "rr-position-filled", Label = "Position filled" }]);
        state.WithdrawalReasons.AddRange([new() { Id = "wr-other-offer", Label = "Accepted another offer" }, new() { Id = "wr-salary", Label = "Salary expectations" }]);

        var postingNumber = 743999900000000L;
        for (var i = 0; i < JobCount; i++)
        {
            var dept = Departments[i % Departments.Length];
            var city = Cities[(i / 3) % Cities.Length];
            var status = JobStatuses[i % JobStatuses.Length];
            var posting = status is "FILLED" or "CANCELLED" ? "NOT_PUBLISHED" : PostingStatuses[i % PostingStatuses.Length];
            var created = Epoch.AddHours(i * 7);
            var role = Roles[random.Next(Roles.Length)];
            var level = Levels[random.Next(Levels.Length)];
            var job = new JobRecord
            {
                Id = NewGuid(random),
                Title = (level.Length > 0 ? level + " " : "") + role,
                RefNumber = $"REF-{1000 + i}",
                CreatedOn = created,
                UpdatedOn = created.AddDays(random.Next(0, 60)).AddMinutes(random.Next(0, 600)),
                Department = new DepartmentRecord { Id = dept.Id, Label = dept.Label, Description = dept.Label + " department" },
                Location = new JobLocationRecord
                {
                    City = city.City, Region = city.Region, RegionCode = city.RegionCode, Country = city.Country,
                    CountryCode = city.CountryCode, Remote = i % 5 == 0, Address = $"{i + 1} Main Street", PostalCode = $"{10000 + i}",
                    Latitude = city.Lat.ToString(System.Globalization.CultureInfo.InvariantCulture), Longitude = city.Lng.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                Status = status,
                PostingStatus = posting,
                HiringProcessId = dept.Label == "Engineering" ? "hp-engineering" : "hp-default",
                Industry = new PropertyRecord { Id = "computer_software", Label = "Computer Software" },
                Function = new PropertyRecord { Id = dept.Label.ToLowerInvariant().Replace(' ', '_'), Label = dept.Label },
                TypeOfEmployment = i % 6 == 0 ? new PropertyRecord { Id = "part_time", Label = "Part-time" } : new PropertyRecord { Id = "permanent", Label = "Full-time" },
                ExperienceLevel = level switch
                {
                    "Junior" => new PropertyRecord { Id = "entry_level", Label = "Entry Level" },
                    "Lead" or "Principal" => new PropertyRecord { Id = "director", Label = "Director" },
                    _ => new PropertyRecord { Id = "mid_senior_level", Label = "Mid-Senior Level" },
                },
                Description = $"Join Acme as a {role} in {city.City}.",
                Qualifications = "Curiosity, ownership, and kindness.",
                CompensationMin = 40000 + (i % 10 * 5000),
                CompensationMax = 60000 + (i % 10 * 7000),
                Currency = city.CountryCode == "us" ? "USD" : "EUR",
            };
            job.LastActivityOn = job.UpdatedOn;
            if (posting is "PUBLIC" or "INTERNAL" or "PRIVATE")
            {
                job.PostingId = (postingNumber + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                job.PostingUuid = NewGuid(random);
                job.ReleasedDate = created.AddDays(1);
            }

            state.Jobs.Add(job);
        }

        var applyable = state.Jobs.Where(j => j.PostingStatus is "PUBLIC" or "INTERNAL").ToList();
        string[] appStatuses = ["NEW", "IN_REVIEW", "INTERVIEW", "OFFERED", "HIRED", "REJECTED", "LEAD", "IN_REVIEW", "WITHDRAWN", "NEW"];
        for (var i = 0; i < CandidateCount; i++)
        {
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[(i * 7) % LastNames.Length];
            var city = Cities[i % Cities.Length];
            var created = Epoch.AddDays(10).AddHours(i * 13);
            var candidate = new CandidateRecord
            {
                Id = NewGuid(random),
                FirstName = first,
                LastName = last,
                Email = $"{first}.{last}{i}@example.com".ToLowerInvariant(),
                PhoneNumber = $"+4930{1000000 + i}",
                Internal = i % 10 == 0,
                CreatedOn = created,
                UpdatedOn = created.AddHours(random.Next(1, 400)),
                Location = new CandidateLocationRecord { City = city.City, Country = city.Country, CountryCode = city.CountryCode, Region = city.Region, RegionCode = city.RegionCode, Lat = city.Lat, Lng = city.Lng },
                Web = new() { ["linkedin"] = $"https://www.linkedin.com/in/{first.ToLowerInvariant()}-{last.ToLowerInvariant()}-{i}" },
                Tags = [.. Enumerable.Range(0, i % 4).Select(k => TagPool[(i + k * 3) % TagPool.Length]).Distinct()],
                Education = [new JsonObject { ["institution"] = "Open University", ["degree"] = "BSc", ["major"] = "Computer Science", ["current"] = false, ["startDate"] = "2010", ["endDate"] = "2014" }],
                Experience = [new JsonObject { ["title"] = "Engineer", ["company"] = "Initech", ["current"] = i % 2 == 0, ["startDate"] = "2015-03" }],
                ConsentStatus = i % 9 == 0 ? "PENDING" : "ACQUIRED",
            };
            state.Candidates.Add(candidate);

            var appCount = i % 3 == 0 ? 2 : 1;
            for (var a = 0; a < appCount; a++)
            {
                var job = applyable[(i * 5 + a * 17) % applyable.Count];
                var status = appStatuses[(i + a) % appStatuses.Length];
                var process = state.HiringProcesses.First(p => p.Id == job.HiringProcessId);
                var sub = process.SubStatuses.TryGetValue(status, out var subs) && subs.Count > 0 ? subs[i % subs.Count] : null;
                var starts = candidate.CreatedOn.AddHours(a);
                var application = new ApplicationRecord
                {
                    Id = NewGuid(random),
                    CandidateId = candidate.Id,
                    JobId = job.Id,
                    Status = status,
                    SubStatus = sub,
                    StartsOn = starts,
                    Source = i % 2 == 0 ? "LinkedIn Jobs" : "Indeed",
                    SourceTypeId = "JOB_BOARDS",
                    SourceId = i % 2 == 0 ? "linkedin-jobs" : "indeed",
                    ReasonOfRejection = status == "REJECTED" ? state.RejectionReasons[0] : null,
                    ReasonOfWithdrawal = status == "WITHDRAWN" ? state.WithdrawalReasons[0] : null,
                    History = [new() { ChangedOn = starts, Status = "NEW" }],
                };
                if (status != "NEW")
                {
                    application.History.Add(new() { ChangedOn = starts.AddDays(2), Status = status, SubStatus = sub });
                }

                state.Applications.Add(application);
                if (i % 4 == 0 && a == 0)
                {
                    var content = Encoding.UTF8.GetBytes($"Curriculum vitae of {first} {last}\n");
                    state.Attachments.Add(new AttachmentRecord
                    {
                        Id = NewGuid(random),
                        CandidateId = candidate.Id,
                        JobId = job.Id,
                        Name = $"{first}_{last}_CV.txt",
                        Type = "RESUME",
                        ContentType = "text/plain",
                        Size = content.Length,
                        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                        ContentBase64 = Convert.ToBase64String(content),
                        CreatedOn = starts,
                    });
                }
            }
        }

        return state;
    }

    private static string NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4, so the ids look like the real ones
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
