using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Designer.Tests.Support;

namespace RulesEngine.Designer.Tests;

/// <summary>
/// The Designer's API types are generated from <c>Designer/src/api/openapi.json</c> (<c>npm run api:generate</c>, checked
/// by its unit tests). This keeps that file equal to the document the host serves, so a changed endpoint cannot go
/// unnoticed by the Designer. Refresh it with <c>RULESENGINE_UPDATE_OPENAPI=1</c> and this test, then regenerate.
/// </summary>
[Collection(DesignerHost.Collection)]
public sealed class OpenApiDocumentTests(DesignerHost host)
{
    [Fact]
    public async Task Committed_openapi_document_is_the_one_the_host_serves()
    {
        using var client = host.Client(token: null);
        var served = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        served.AsObject().Remove("servers"); // the loopback port changes every run
        served["info"]!["title"] = "rulesengine | v1"; // the title names the entry assembly: the test runner here, rulesengine in production
        var text = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        var committedPath = Path.Combine(RepositoryRoot(), "Designer", "src", "api", "openapi.json");

        if (Environment.GetEnvironmentVariable("RULESENGINE_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(committedPath, text, TestContext.Current.CancellationToken);
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(committedPath, TestContext.Current.CancellationToken));
        JsonNode.DeepEquals(committed, served).ShouldBeTrue(
            "Designer/src/api/openapi.json is not what the host serves: run this test with RULESENGINE_UPDATE_OPENAPI=1, then `npm run api:generate` in Designer/.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RulesEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"RulesEngine.sln not found above {AppContext.BaseDirectory}");
    }
}
