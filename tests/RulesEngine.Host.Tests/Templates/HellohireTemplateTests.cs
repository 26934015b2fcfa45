using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RulesEngine.Host.Tests.Templates;

/// <summary>
/// The Hellohire templates in <c>serve --demo</c>: interview registration (find by e-mail and last name, update the
/// first name or create in the talent pool, answer with the profile link; the "create and update" setting) and rating tags.
/// </summary>
public sealed class HellohireTemplateTests
{
    private static object Registration(string email, string firstName, string lastName) => new { interview = "CSR", email, firstName, lastName };

    private static async Task<JsonElement> PostAsync(DemoHost demo, string path, object body, HttpStatusCode expected)
    {
        using var response = await demo.PostHookAsync(path, body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static async Task<JsonElement[]> CandidatesAsync(DemoHost demo, string email) =>
        [.. (await demo.SandboxStateAsync()).GetProperty("candidates").EnumerateArray().Where(c => Str(c, "email") == email)];

    private static string[] Tags(JsonElement candidate) => [.. candidate.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)];

    [Fact]
    public async Task Registration_UpdatesOrCreates_AndAnswersWithTheProfileLink_RatingTagsInLowerCase()
    {
        await using var demo = await DemoHost.StartAsync();
        var known = (await demo.SandboxStateAsync()).GetProperty("candidates").EnumerateArray().First(c => c.GetProperty("tags").GetArrayLength() > 0);
        var (id, email, lastName) = (Str(known, "id"), Str(known, "email"), Str(known, "lastName"));
        var tagsBefore = Tags(known);

        // Known e-mail and last name (any case), new first name: the first name is updated, the answer links the profile.
        var updated = await PostAsync(demo, "hellohire/registration", Registration(email, "Zelda", lastName.ToUpperInvariant()), HttpStatusCode.OK);
        (Str(updated, "candidateId"), Str(updated, "action")).ShouldBe((id, "updated"));
        Str(updated, "profileUrl").ShouldBe($"https://app.smartrecruiters.com/app/people/candidates/{id}");
        var after = (await CandidatesAsync(demo, email)).ShouldHaveSingleItem();
        (Str(after, "firstName"), Str(after, "lastName")).ShouldBe(("Zelda", lastName));

        var same = await PostAsync(demo, "hellohire/registration", Registration(email, "Zelda", lastName), HttpStatusCode.OK);
        (Str(same, "candidateId"), Str(same, "action")).ShouldBe((id, "found"));

        // Unknown: created in the talent pool (no application), once.
        var created = await PostAsync(demo, "hellohire/registration", Registration("katherine.johnson@example.org", "Katherine", "Johnson"), HttpStatusCode.OK);
        Str(created, "action").ShouldBe("created");
        var newcomer = (await CandidatesAsync(demo, "katherine.johnson@example.org")).ShouldHaveSingleItem();
        Str(created, "profileUrl").ShouldEndWith("/" + Str(newcomer, "id"));
        (await demo.SandboxStateAsync()).GetProperty("applications").EnumerateArray().ShouldNotContain(a => Str(a, "candidateId") == Str(newcomer, "id"));

        // Registering again with another first name renames the talent-pool candidate (which SmartRecruiters' search
        // does not list: it has no application), and a rating finds it too.
        var renamed = await PostAsync(demo, "hellohire/registration", Registration("katherine.johnson@example.org", "Kate", "Johnson"), HttpStatusCode.OK);
        (Str(renamed, "candidateId"), Str(renamed, "action")).ShouldBe((Str(newcomer, "id"), "updated"));
        Str((await CandidatesAsync(demo, "katherine.johnson@example.org")).ShouldHaveSingleItem(), "firstName").ShouldBe("Kate");
        var poolRating = await PostAsync(demo, "hellohire/rating", new { interview = "Final Round", email = "katherine.johnson@example.org", firstName = "Kate", lastName = "Johnson", rating = "Maybe" }, HttpStatusCode.OK);
        Str(poolRating, "candidateId").ShouldBe(Str(newcomer, "id"));
        Tags((await CandidatesAsync(demo, "katherine.johnson@example.org")).Single()).ShouldBe(["hellohire - final round - maybe"]);

        // Missing fields are named.
        var invalid = await PostAsync(demo, "hellohire/registration", new { interview = "CSR", firstName = "No", email = "" }, HttpStatusCode.BadRequest);
        Str(invalid, "error").ShouldBe("missing email, lastName");

        // Rating: "hellohire - {interview} - {rating}" in lower case, other tags kept, a repeat adds nothing.
        var rating = new { interview = "CSR", email, firstName = "Zelda", lastName, rating = "Yes" };
        var tagged = await PostAsync(demo, "hellohire/rating", rating, HttpStatusCode.OK);
        (Str(tagged, "tag"), tagged.GetProperty("added").GetBoolean()).ShouldBe(("hellohire - csr - yes", true));
        (await PostAsync(demo, "hellohire/rating", rating, HttpStatusCode.OK)).GetProperty("added").GetBoolean().ShouldBeFalse();
        Tags((await CandidatesAsync(demo, email)).Single()).ShouldBe([.. tagsBefore, "hellohire - csr - yes"], ignoreOrder: true);

        var stranger = await PostAsync(demo, "hellohire/rating", new { interview = "CSR", email = "nobody@example.org", firstName = "No", lastName = "Body", rating = "Maybe" }, HttpStatusCode.NotFound);
        stranger.GetProperty("found").GetBoolean().ShouldBeFalse();
        (await demo.SandboxStateAsync()).GetProperty("candidates").EnumerateArray().ShouldNotContain(c => Tags(c).Contains("hellohire - csr - maybe"));
        (await CandidatesAsync(demo, "nobody@example.org")).ShouldBeEmpty();

        // Setting "Create and update candidate profile" off: nothing is created or renamed, the link is still given.
        using (var off = await demo.Api.PutAsJsonAsync($"/api/tenants/{DemoHost.Tenant}/mappings/hellohire-settings",
            new { rows = new[] { new { key = "createAndUpdateProfiles", value = "off" } } }, TestContext.Current.CancellationToken))
        {
            off.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var missing = await PostAsync(demo, "hellohire/registration", Registration("dorothy.vaughan@example.org", "Dorothy", "Vaughan"), HttpStatusCode.NotFound);
        Str(missing, "reason").ShouldContain("createAndUpdateProfiles");
        (await CandidatesAsync(demo, "dorothy.vaughan@example.org")).ShouldBeEmpty();
        var linkOnly = await PostAsync(demo, "hellohire/registration", Registration(email, "Other", lastName), HttpStatusCode.OK);
        (Str(linkOnly, "candidateId"), Str(linkOnly, "action")).ShouldBe((id, "found"));
        Str((await CandidatesAsync(demo, email)).Single(), "firstName").ShouldBe("Zelda");
    }
}
