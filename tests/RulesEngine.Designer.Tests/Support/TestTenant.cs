using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace RulesEngine.Designer.Tests.Support;

/// <summary>A tenant of the <see cref="DesignerHost"/> and its token, with the API calls the tests check the UI against.</summary>
public sealed class TestTenant(DesignerHost host, string id, string token)
{
    public string Id { get; } = id;

    public string Token { get; } = token;

    public HttpClient Api() => host.Client(Token);

    /// <summary>A 1280×800 page (the smallest size the Designer supports) signed in through the UI with the tenant's token.</summary>
    public async Task<DesignerPage> SignInAsync()
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, BaseURL = host.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var designer = new DesignerPage(page);
        await page.GotoAsync("/");
        await page.GetByLabel("Token").FillAsync(Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-workflows")).ToBeVisibleAsync();
        return designer;
    }

    public async Task<JsonElement> GetJsonAsync(string relative)
    {
        using var api = Api();
        return await api.GetFromJsonAsync<JsonElement>($"/api/tenants/{Id}/{relative}");
    }
}
