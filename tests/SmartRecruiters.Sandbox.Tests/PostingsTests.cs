namespace SmartRecruiters.Sandbox.Tests;

public sealed class PostingsTests
{
    [Fact]
    public async Task ListPostings_WithoutKey_PagesByOffsetThroughAllPublicPostings()
    {
        await using var host = await SandboxHost.StartAsync();
        var state = await host.StateAsync();
        var expected = state.GetProperty("jobs").EnumerateArray().Count(j => j.GetProperty("postingStatus").GetString() == "PUBLIC");

        var ids = new List<string>();
        var offset = 0;
        int total;
        do
        {
            var page = await host.GetJsonAsync($"v1/companies/AcmeCorp/postings?limit=25&offset={offset}", host.Anonymous);
            total = page.GetProperty("totalFound").GetInt32();
            page.GetProperty("offset").GetInt32().ShouldBe(offset);
            var content = page.GetProperty("content").EnumerateArray().ToList();
            content.ShouldAllBe(p => p.GetProperty("company").GetProperty("identifier").GetString() == "AcmeCorp");
            ids.AddRange(content.Select(p => p.GetProperty("id").GetString()!));
            offset += 25;
        }
        while (offset < total);

        total.ShouldBe(expected);
        ids.Count.ShouldBe(expected);
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    [Fact]
    public async Task Postings_CompanyIdentifierIsCaseSensitive()
    {
        await using var host = await SandboxHost.StartAsync();
        var wrongCase = await host.GetJsonAsync("v1/companies/acmecorp/postings", host.Anonymous);
        wrongCase.GetProperty("totalFound").GetInt32().ShouldBe(0);
        wrongCase.GetProperty("content").GetArrayLength().ShouldBe(0);

        var list = await host.GetJsonAsync("v1/companies/AcmeCorp/postings?limit=1", host.Anonymous);
        var id = list.GetProperty("content")[0].GetProperty("id").GetString();
        var detail = await host.GetJsonAsync($"v1/companies/AcmeCorp/postings/{id}", host.Anonymous);
        detail.GetProperty("applyUrl").GetString().ShouldNotBeNullOrEmpty();
        detail.GetProperty("jobAd").GetProperty("sections").GetProperty("qualifications").GetProperty("text").GetString().ShouldNotBeNull();

        using var wrong = await host.Anonymous.GetAsync($"v1/companies/acmecorp/postings/{id}", TestContext.Current.CancellationToken);
        var (status, body) = await SandboxHost.ReadAsync(wrong);
        status.ShouldBe(404);
        SandboxHost.ErrorCode(body).ShouldBe("POSTING_NOT_FOUND");
    }

    [Fact]
    public async Task Postings_HiddenJobsAreNotListed_InternalOnlyWithKey()
    {
        await using var host = await SandboxHost.StartAsync();
        var publicOnly = await host.GetJsonAsync("v1/companies/AcmeCorp/postings?limit=100&destination=INTERNAL_OR_PUBLIC", host.Anonymous);
        publicOnly.GetProperty("content").EnumerateArray().ShouldAllBe(p => p.GetProperty("visibility").GetString() == "PUBLIC");
        var withKey = await host.GetJsonAsync("v1/companies/AcmeCorp/postings?limit=100&destination=INTERNAL");
        withKey.GetProperty("totalFound").GetInt32().ShouldBeGreaterThan(0);
        withKey.GetProperty("content").EnumerateArray().ShouldAllBe(p => p.GetProperty("visibility").GetString() == "INTERNAL");
    }
}
