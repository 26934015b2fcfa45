using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SmartRecruiters.Sandbox.Tests;

/// <summary>Every field of the real response fixtures is present in the sandbox's answers (same names, same nesting).</summary>
public sealed class ShapeTests
{
    // Fields the real API also leaves out when the record has no value for them (null values are omitted).
    private static readonly string[] Optional =
    [
        ".reasonOfRejection", ".reasonOfWithdrawal", ".subStatus", ".videos", ".additionalProp1", ".additionalProp2", ".additionalProp3",
        ".web.skype", ".web.facebook", ".web.twitter", ".web.website", ".education[0].location", ".education[0].description",
        ".experience[0].location", ".experience[0].description", ".experience[0].endDate",
    ];

    private static JsonElement Fixture(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json"))).RootElement.Clone();

    private static List<string> Missing(JsonElement fixture, JsonElement actual, string path = "$")
    {
        var missing = new List<string>();
        if (fixture.ValueKind == JsonValueKind.Object)
        {
            if (actual.ValueKind != JsonValueKind.Object)
            {
                return [$"{path} is {actual.ValueKind}, expected Object"];
            }

            foreach (var property in fixture.EnumerateObject())
            {
                if (!actual.TryGetProperty(property.Name, out var value))
                {
                    if (!Optional.Any(o => $"{path}.{property.Name}".EndsWith(o, StringComparison.Ordinal)))
                    {
                        missing.Add($"{path}.{property.Name}");
                    }

                    continue;
                }

                missing.AddRange(Missing(property.Value, value, $"{path}.{property.Name}"));
            }
        }
        else if (fixture.ValueKind == JsonValueKind.Array)
        {
            if (actual.ValueKind != JsonValueKind.Array)
            {
                return [$"{path} is {actual.ValueKind}, expected Array"];
            }

            if (fixture.GetArrayLength() > 0 && actual.GetArrayLength() > 0)
            {
                missing.AddRange(Missing(fixture[0], actual[0], path + "[0]"));
            }
        }
        else if (fixture.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                 && actual.ValueKind != fixture.ValueKind
                 && !(fixture.ValueKind is JsonValueKind.True or JsonValueKind.False && actual.ValueKind is JsonValueKind.True or JsonValueKind.False)
                 && !(fixture.ValueKind == JsonValueKind.String && actual.ValueKind == JsonValueKind.Null))
        {
            missing.Add($"{path} is {actual.ValueKind}, expected {fixture.ValueKind}");
        }

        return missing;
    }

    [Fact]
    public async Task Responses_ContainEveryFixtureField()
    {
        await using var host = await SandboxHost.StartAsync();
        var state = await host.StateAsync();
        var withAttachment = state.GetProperty("attachments")[0];
        var candidateId = withAttachment.GetProperty("candidateId").GetString()!;
        var jobId = withAttachment.GetProperty("jobId").GetString()!;
        // The candidate with two applications, for secondaryAssignments.
        var twoApps = state.GetProperty("applications").EnumerateArray().GroupBy(a => a.GetProperty("candidateId").GetString()).First(g => g.Count() == 2).Key;

        await using var receiver = await WebhookReceiver.StartAsync();
        using var sub = await host.Client.PostAsJsonAsync("webhooks-api/v201907/subscriptions", new { callbackUrl = receiver.Url, events = new[] { "job.created" } }, TestContext.Current.CancellationToken);
        var subId = (await SandboxHost.ReadAsync(sub)).Body.GetProperty("id").GetString();
        var postingId = (await host.GetJsonAsync("v1/companies/AcmeCorp/postings?limit=1")).GetProperty("content")[0].GetProperty("id").GetString();

        var checks = new (string Fixture, string Url)[]
        {
            ("jobs_list", "jobs?limit=5&sort=job_id"),
            ("jobs_retrieve", $"jobs/{jobId}"),
            ("postings_list", "v1/companies/AcmeCorp/postings?limit=5"),
            ("postings_retrieve", $"v1/companies/AcmeCorp/postings/{postingId}"),
            ("candidates_retrieve", $"candidates/{twoApps}"),
            ("candidates_list", "candidates?limit=100"),
            ("candidates_application", $"candidates/{candidateId}/jobs/{jobId}"),
            ("candidates_attachments", $"candidates/{candidateId}/jobs/{jobId}/attachments"),
            ("candidates_history", $"candidates/{candidateId}/jobs/{jobId}/status/history"),
            ("webhooks_retrieve", $"webhooks-api/v201907/subscriptions/{subId}"),
        };
        var report = new StringBuilder();
        foreach (var (fixture, url) in checks)
        {
            var actual = await host.GetJsonAsync(url);
            if (fixture == "candidates_list")
            {
                // compare against an item that has secondary assignments
                var item = actual.GetProperty("content").EnumerateArray().First(c => c.GetProperty("secondaryAssignments").GetArrayLength() > 0);
                foreach (var m in Missing(Fixture(fixture).GetProperty("content")[0], item, "$.content[0]"))
                {
                    report.AppendLine($"{fixture}: {m}");
                }

                continue;
            }

            foreach (var m in Missing(Fixture(fixture), actual))
            {
                report.AppendLine($"{fixture}: {m}");
            }
        }

        report.ToString().ShouldBeEmpty();
    }
}
