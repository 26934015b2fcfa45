using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RulesEngine.Designer.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RulesEngine.Designer.Tests;

/// <summary>
/// An admin builds Hellohire's "tag the rated candidate" workflow from an empty canvas in the browser, fixes a C# mistake
/// that the live diagnostics point out, publishes it, and finds the run its webhook started, with its journal.
/// </summary>
[Collection(DesignerHost.Collection)]
public sealed class TaggingWorkflowTests(DesignerHost host)
{
    private const string Tag = "hellohire-rated";

    [Fact]
    public async Task Workflow_built_by_drag_and_drop_tags_the_candidate_its_webhook_names()
    {
        SetDefaultExpectTimeout(20_000); // the first C# check warms Roslyn up on a busy 2-core machine
        var tenant = await host.CreateTenantAsync("hellohire");
        await using var designer = await tenant.SignInAsync();
        var page = designer.Page;

        // An empty workflow.
        await page.GetByTestId("create-button").ClickAsync();
        await page.GetByTestId("create-name").FillAsync("Hellohire tagging");
        await page.GetByTestId("create-submit").ClickAsync();
        await Expect(page.GetByTestId("editor-title")).ToHaveTextAsync("Hellohire tagging");
        var nodes = page.Locator("[data-testid^='node-']");
        await Expect(nodes).ToHaveCountAsync(0);
        await designer.ScreenshotAsync("a1-empty-canvas");

        // Drag three activities from the palette onto the canvas and connect them by their Done ports.
        var trigger = await DropAsync(page, "Elsa.HttpEndpoint", "endpoint", 140, 110);
        var applyTag = await DropAsync(page, "SmartRecruiters.ApplyTag", "tag", 340, 290);
        var respond = await DropAsync(page, "Elsa.WriteHttpResponse", "response", 560, 470);
        await Expect(nodes).ToHaveCountAsync(3);
        await page.GetByTestId($"port-{trigger}-Done").DragToAsync(page.GetByTestId($"port-{applyTag}-In"));
        await page.GetByTestId($"port-{applyTag}-Done").DragToAsync(page.GetByTestId($"port-{respond}-In"));

        await page.GetByTestId($"node-{trigger}").ClickAsync();
        await page.GetByTestId("input-path").FillAsync("hellohire/rating");
        await page.GetByTestId($"node-{applyTag}").ClickAsync();
        await page.GetByTestId("input-tags").FillAsync(Tag);

        // A C# expression with a typo: the diagnostic from /api/scripts/check shows while typing, and goes once fixed.
        await page.GetByTestId("syntax-candidateId-csharp").ClickAsync();
        var code = page.GetByRole(AriaRole.Textbox, new() { Name = "Candidate id (C#)" });
        await code.FocusAsync();
        await page.Keyboard.TypeAsync("Trigger[\"candidateId\"].ToStrin()");
        var diagnostic = page.GetByTestId("properties-panel").GetByRole(AriaRole.Alert).Filter(new() { HasText = "CS1061" });
        await Expect(diagnostic).ToContainTextAsync("'ToStrin'");
        await designer.ScreenshotAsync("a2-csharp-diagnostic");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Trigger[\"candidateId\"].ToString()");
        await Expect(diagnostic).ToHaveCountAsync(0);

        await page.GetByTestId($"node-{respond}").ClickAsync();
        await page.GetByTestId("input-statusCode").FillAsync("202");
        await designer.ScreenshotAsync("a3-workflow-built");

        await page.GetByTestId("publish-button").ClickAsync();
        await Expect(page.GetByTestId("editor-message")).ToContainTextAsync("Published version 1");
        await designer.ScreenshotAsync("a4-published");

        // The webhook the workflow listens on, called over HTTP like Hellohire would.
        var candidateId = await FirstCandidateIdAsync();
        using var hooks = host.Client(token: null);
        using var response = await hooks.PostAsJsonAsync($"/hooks/{tenant.Id}/hellohire/rating", new { candidateId, rating = 5 }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var instanceId = response.Headers.GetValues("X-RulesEngine-Instance").Single();

        // The run, found from the Runs page, coloured by what happened, with the journal entry of the tagging step.
        await page.GetByTestId("nav-instances").ClickAsync();
        await page.GetByTestId($"instance-row-{instanceId}").GetByRole(AriaRole.Link, new() { Name = instanceId }).ClickAsync();
        var view = page.GetByTestId("instance-view");
        await Expect(view.GetByTestId("status-badge")).ToHaveTextAsync("Finished");
        foreach (var id in new[] { trigger, applyTag, respond })
        {
            await Expect(page.GetByTestId($"node-{id}")).ToHaveAttributeAsync("data-run-state", "finished");
        }

        await page.GetByTestId($"node-{applyTag}").ClickAsync();
        var journal = page.GetByTestId("journal-panel");
        await Expect(page.GetByTestId("journal-run-state")).ToHaveTextAsync("finished");
        await Expect(journal).ToContainTextAsync(candidateId);
        await Expect(journal).ToContainTextAsync(Tag);
        await designer.ScreenshotAsync("a5-instance-journal");

        // And SmartRecruiters (the Sandbox) really has the tag.
        (await CandidateTagsAsync(candidateId)).ShouldContain(Tag);
        designer.Errors.ShouldBeEmpty();
    }

    /// <summary>Drags a palette item onto the canvas at a point relative to the canvas and returns the new activity's id.</summary>
    private static async Task<string> DropAsync(IPage page, string type, string search, float x, float y)
    {
        var nodes = page.Locator("[data-testid^='node-']");
        var before = await nodes.CountAsync();
        await page.GetByTestId("palette-search").FillAsync(search);
        await page.GetByTestId($"palette-item-{type}").DragToAsync(page.GetByTestId("canvas"), new() { TargetPosition = new() { X = x, Y = y } });
        await Expect(nodes).ToHaveCountAsync(before + 1);
        var testId = await nodes.Nth(before).GetAttributeAsync("data-testid");
        return testId!["node-".Length..];
    }

    private async Task<string> FirstCandidateIdAsync()
    {
        using var sandbox = new HttpClient();
        var state = await sandbox.GetFromJsonAsync<JsonElement>($"{host.Sandbox.BaseUrl}/_sandbox/state", TestContext.Current.CancellationToken);
        return state.GetProperty("candidates")[0].GetProperty("id").GetString()!;
    }

    private async Task<List<string>> CandidateTagsAsync(string candidateId)
    {
        using var sandbox = new HttpClient();
        sandbox.DefaultRequestHeaders.Add("X-SmartToken", DesignerHost.SandboxApiKey);
        var tags = await sandbox.GetFromJsonAsync<JsonElement>($"{host.Sandbox.BaseUrl}/candidates/{candidateId}/tags", TestContext.Current.CancellationToken);
        return [.. tags.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)];
    }
}
