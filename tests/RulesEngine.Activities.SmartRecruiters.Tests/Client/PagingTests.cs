using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Client;

public sealed class PagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Page(string? next, params int[] ids) => new()
    {
        ["content"] = new JsonArray([.. ids.Select(i => (JsonNode)new JsonObject { ["id"] = i })]),
        ["nextPageId"] = next,
    };

    [Fact]
    public async Task ByPageId_EmptyPageThatNamesANextPage_IsNotTheEnd()
    {
        var pages = new Dictionary<string, JsonObject>
        {
            [""] = Page("p2", 1, 2),
            ["p2"] = Page("p3"),
            ["p3"] = Page(null, 3),
        };

        var all = await SmartRecruitersPaging.ReadAllByPageIdAsync((id, _) => Task.FromResult(pages[id ?? ""]), 100, Ct);

        all.Select(x => x!["id"]!.GetValue<int>()).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task ByPageId_RepeatedPageId_StopsWithAnError()
    {
        await Should.ThrowAsync<InvalidOperationException>(() =>
            SmartRecruitersPaging.ReadAllByPageIdAsync((_, _) => Task.FromResult(Page("same", 1)), 100, Ct));
    }

    [Fact]
    public async Task ByOffset_ReadsUpToTotalFound_PastAShortPage()
    {
        var calls = new List<int>();
        var all = await SmartRecruitersPaging.ReadAllByOffsetAsync((offset, limit, _) =>
        {
            calls.Add(offset);
            var count = offset == 0 ? 3 : Math.Max(0, Math.Min(limit, 7 - offset));
            return Task.FromResult(new JsonObject
            {
                ["totalFound"] = 7,
                ["content"] = new JsonArray([.. Enumerable.Range(offset, count).Select(i => (JsonNode)i)]),
            });
        }, 5, 100, Ct);

        all.Count.ShouldBe(7);
        calls.ShouldBe([0, 3]);
    }

    [Theory]
    [InlineData("<https://x/subscriptions?limit=10&page_id=abc%3D>; rel=\"next\"", "abc=")]
    [InlineData("<https://x/a?page_id=p1>; rel=\"prev\", <https://x/a?page_id=p3>; rel=\"next\"", "p3")]
    [InlineData("<https://x/a?page_id=p1>; rel=\"prev\"", null)]
    [InlineData(null, null)]
    public void NextPageId_ReadsTheNextLink(string? header, string? expected) =>
        SmartRecruitersPaging.NextPageId(header, "page_id").ShouldBe(expected);
}
