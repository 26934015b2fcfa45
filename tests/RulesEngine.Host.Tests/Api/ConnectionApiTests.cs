using System.Text.Json.Nodes;
using RulesEngine.Host.Tests.Api.Support;

namespace RulesEngine.Host.Tests.Api;

public sealed class ConnectionApiTests(SharedHost shared)
{
    private const string ApiKey = "sr-key-SECRET-5b1f0c9e";
    private const string WebhookKey = "whsec-SECRET-77aa";
    private const string VendorAuth = "Basic SECRET-dmVuZG9y";

    private TestHost Host => shared.Host;

    [Fact]
    public async Task Connections_SecretsAreWriteOnly_NeverInResponsesAuditExportsOrLogs()
    {
        var tenant = await Host.CreateTenantAsync();
        await using var sr = await FakeSmartRecruiters.StartAsync(ApiKey);

        var saved = await tenant.TextAsync(HttpMethod.Put, "connections/sr", new
        {
            kind = "smartrecruiters",
            settings = new { baseUrl = sr.BaseUrl, companyIdentifier = "Acme1", authMode = "apiKey" },
            secrets = new { apiKey = ApiKey, webhookSecretKeys = new[] { WebhookKey } },
        });
        await tenant.TextAsync(HttpMethod.Put, "connections/vendor", new { kind = "http", settings = new { baseUrl = sr.BaseUrl }, secrets = new { authHeaderName = "Authorization", authHeaderValue = VendorAuth } });

        var one = JsonNode.Parse(saved)!;
        one["settings"]!["companyIdentifier"]!.GetValue<string>().ShouldBe("Acme1");
        one["secrets"]!["apiKey"]!["hasValue"]!.GetValue<bool>().ShouldBeTrue();
        one["secrets"]!["clientSecret"]!["hasValue"]!.GetValue<bool>().ShouldBeFalse();

        // Updating settings without secrets keeps them: the test still authenticates with the stored key.
        await tenant.TextAsync(HttpMethod.Put, "connections/sr", new { kind = "smartrecruiters", settings = new { baseUrl = sr.BaseUrl, companyIdentifier = "Acme2" }, secrets = new { apiKey = (string?)null } });
        var test = await tenant.JsonAsync(HttpMethod.Post, "connections/sr/test");
        test["ok"]!.GetValue<bool>().ShouldBeTrue(test.ToJsonString());
        test["message"]!.GetValue<string>().ShouldContain("Ada Admin");
        (await tenant.JsonAsync(HttpMethod.Post, "connections/vendor/test"))["ok"]!.GetValue<bool>().ShouldBeTrue();

        await tenant.TextAsync(HttpMethod.Put, "connections/sr", new { kind = "smartrecruiters", settings = new { baseUrl = sr.BaseUrl }, secrets = new { apiKey = "wrong-key" } });
        var rejected = await tenant.JsonAsync(HttpMethod.Post, "connections/sr/test");
        rejected["ok"]!.GetValue<bool>().ShouldBeFalse();
        rejected["message"]!.GetValue<string>().ShouldBe("the API key was rejected");
        sr.Requests.ShouldBe(2); // the vendor test went to "/", not /users/me
        await tenant.TextAsync(HttpMethod.Put, "connections/sr", new { kind = "smartrecruiters", settings = new { baseUrl = sr.BaseUrl }, secrets = new { apiKey = ApiKey } });

        // OAuth client credentials: token request first, then the bearer token; a wrong client secret is reported as such.
        await tenant.TextAsync(HttpMethod.Put, "connections/oauth", new
        {
            kind = "smartrecruiters",
            settings = new { baseUrl = sr.BaseUrl, authMode = "oauth", clientId = FakeSmartRecruiters.ClientId },
            secrets = new { clientSecret = ApiKey },
        });
        (await tenant.JsonAsync(HttpMethod.Post, "connections/oauth/test"))["ok"]!.GetValue<bool>().ShouldBeTrue();
        await tenant.TextAsync(HttpMethod.Put, "connections/oauth", new
        {
            kind = "smartrecruiters",
            settings = new { baseUrl = sr.BaseUrl, authMode = "oauth", clientId = FakeSmartRecruiters.ClientId },
            secrets = new { clientSecret = "wrong-key" },
        });
        (await tenant.JsonAsync(HttpMethod.Post, "connections/oauth/test"))["message"]!.GetValue<string>().ShouldBe("the OAuth client credentials were rejected");

        await tenant.JsonAsync(HttpMethod.Post, "workflows", Workflows.Timed("Uses sr", "uses-sr"), expected: 201);
        var everything = string.Join('\n',
            saved,
            await tenant.TextAsync(HttpMethod.Get, "connections"),
            await tenant.TextAsync(HttpMethod.Get, "connections/sr"),
            await tenant.TextAsync(HttpMethod.Get, "connections/vendor"),
            await tenant.TextAsync(HttpMethod.Get, "connections/oauth"),
            await tenant.TextAsync(HttpMethod.Get, "audit"),
            await tenant.TextAsync(HttpMethod.Get, "workflows/uses-sr/export"),
            string.Join('\n', LogCollector.Instance.Messages));
        foreach (var secret in new[] { ApiKey, WebhookKey, VendorAuth, "wrong-key" })
        {
            everything.ShouldNotContain(secret);
        }

        var audit = (await tenant.JsonAsync(HttpMethod.Get, "audit")).AsArray();
        var first = audit.Last(a => a!["action"]!.GetValue<string>() == "connection.changed" && a["target"]!.GetValue<string>() == "sr")!;
        first["details"]!["changedSecrets"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["apiKey", "webhookSecretKeys"]);

        await tenant.TextAsync(HttpMethod.Delete, "connections/vendor", expected: 204);
        await tenant.TextAsync(HttpMethod.Get, "connections/vendor", expected: 404);
        await tenant.TextAsync(HttpMethod.Post, "connections/vendor/test", expected: 404);
    }

    [Theory]
    [InlineData("""{"kind":"smartrecruiters","settings":{"baseUrl":"ftp://x"}}""", "settings.baseUrl")]
    [InlineData("""{"kind":"smartrecruiters","settings":{"companyIdentifier":"x"}}""", "settings.baseUrl")]
    [InlineData("""{"kind":"carrier-pigeon","settings":{"baseUrl":"https://x"}}""", "kind")]
    [InlineData("""{"kind":"smartrecruiters","settings":{"baseUrl":"https://x","authMode":"magic"}}""", "settings.authMode")]
    [InlineData("""{"kind":"smartrecruiters","settings":{"baseUrl":"https://x","apiKey":"oops"}}""", "settings.apiKey")]
    [InlineData("""{"kind":"http","settings":{"baseUrl":"https://x"},"secrets":{"password":"p"}}""", "secrets.password")]
    public async Task Upsert_Invalid_400NamingTheField(string body, string field)
    {
        var tenant = await Host.CreateTenantAsync();

        var problem = await tenant.JsonAsync(HttpMethod.Put, "connections/c1", body, expected: 400);

        problem["errors"]![field].ShouldNotBeNull(problem.ToJsonString());
        (await tenant.JsonAsync(HttpMethod.Get, "connections")).AsArray().ShouldBeEmpty();
    }
}
