using Microsoft.Playwright;

namespace RulesEngine.Designer.Tests.Support;

/// <summary>A signed-in Designer tab; collects uncaught page errors so that a test can insist there were none.</summary>
public sealed class DesignerPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    public DesignerPage(IPage page)
    {
        Page = page;
        page.PageError += (_, message) => _errors.Add(message);
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Saves a full-window PNG under <see cref="DesignerHost.ScreenshotDirectory"/>.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DesignerHost.ScreenshotDirectory, name + ".png") });

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
