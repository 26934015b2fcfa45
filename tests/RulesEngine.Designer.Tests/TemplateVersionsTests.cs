using System.Net;
using Microsoft.Playwright;
using RulesEngine.Designer.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RulesEngine.Designer.Tests;

/// <summary>
/// An admin imports a template file, publishes it, changes it and publishes version 2, then rolls back to version 1
/// from the history; the webhook's answer shows which version is live at each step.
/// </summary>
[Collection(DesignerHost.Collection)]
public sealed class TemplateVersionsTests(DesignerHost host)
{
    [Fact]
    public async Task Imported_template_is_edited_published_as_v2_and_rolled_back_to_v1()
    {
        SetDefaultExpectTimeout(20_000);
        var tenant = await host.CreateTenantAsync("versions");
        await using var designer = await tenant.SignInAsync();
        var page = designer.Page;
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync(); // "Publish a new version copied from version 1?"

        // Import the template from a file; the report links to the new draft.
        await page.GetByTestId("import-button").ClickAsync();
        await page.GetByTestId("import-file").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Templates", "candidate-ping.json"));
        await Expect(page.GetByTestId("import-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("candidate-ping"));
        await page.GetByTestId("import-submit").ClickAsync();
        var report = page.GetByTestId("import-report");
        await Expect(report).ToContainTextAsync("candidate-ping imported as version 1");
        await designer.ScreenshotAsync("b1-import-report");
        await report.GetByRole(AriaRole.Link, new() { Name = "candidate-ping" }).ClickAsync();

        // The template had no positions: the Designer lays it out. Publish version 1 as it came.
        await Expect(page.GetByTestId("node-ping")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("node-answer")).ToBeVisibleAsync();
        await page.GetByTestId("publish-button").ClickAsync();
        await Expect(page.GetByTestId("editor-message")).ToContainTextAsync("Published version 1");
        (await PingAsync(tenant)).ShouldBe(HttpStatusCode.OK);

        // Edit: the answer becomes 201 Created; publishing makes version 2 live.
        await page.GetByTestId("node-answer").ClickAsync();
        await page.GetByTestId("input-statusCode").FillAsync("201");
        await Expect(page.GetByTestId("dirty-indicator")).ToBeVisibleAsync();
        await page.GetByTestId("publish-button").ClickAsync();
        await Expect(page.GetByTestId("editor-message")).ToContainTextAsync("Published version 2");
        (await PingAsync(tenant)).ShouldBe(HttpStatusCode.Created);

        // History: version 2 is published; roll back to version 1, which publishes a copy of it as version 3.
        await page.GetByTestId("versions-button").ClickAsync();
        var versions = page.GetByTestId("versions-dialog");
        await Expect(versions.GetByTestId("version-row-2")).ToContainTextAsync("published");
        await designer.ScreenshotAsync("b2-history");
        await versions.GetByTestId("rollback-1").ClickAsync();
        await Expect(versions.GetByTestId("version-row-3")).ToContainTextAsync("published");
        await designer.ScreenshotAsync("b3-rolled-back");
        (await PingAsync(tenant)).ShouldBe(HttpStatusCode.OK);

        // The editor shows the rolled-back content.
        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("node-answer").ClickAsync();
        await Expect(page.GetByTestId("input-statusCode")).ToHaveValueAsync("200");
        designer.Errors.ShouldBeEmpty();
    }

    private async Task<HttpStatusCode> PingAsync(TestTenant tenant)
    {
        using var hooks = host.Client(token: null);
        using var response = await hooks.PostAsync($"/hooks/{tenant.Id}/ping", null, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
