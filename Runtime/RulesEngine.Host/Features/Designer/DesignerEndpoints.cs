using Microsoft.Extensions.FileProviders;

namespace RulesEngine.Host.Features.Designer;

/// <summary>Serves the built Designer (wwwroot) and falls back to index.html for its client-side routes.</summary>
public static class DesignerEndpoints
{
    public static WebApplication MapDesigner(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.MapGet("/", () => TypedResults.Content(
                "<!doctype html><title>RulesEngine</title><p>The Designer is not built. Run <code>npm ci &amp;&amp; npm run build</code> in Designer/ and rebuild the host.</p>",
                "text/html"));
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        // "nonfile" keeps asset URLs (with an extension) for the static file middleware.
        app.MapFallback("{*path:nonfile}", async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (path.StartsWith("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/hooks", StringComparison.OrdinalIgnoreCase)
                || path.StartsWith("/openapi", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/sandbox", StringComparison.OrdinalIgnoreCase)
                || !HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"), context.RequestAborted).ConfigureAwait(false);
        });
        return app;
    }
}
