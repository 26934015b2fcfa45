using System.Net.Http.Headers;

namespace SmartRecruiters.Sandbox.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Api_WithoutOrWithWrongKey_Answers401WithErrorBody()
    {
        await using var host = await SandboxHost.StartAsync();
        using var none = await host.Anonymous.GetAsync("jobs", TestContext.Current.CancellationToken);
        var (status, body) = await SandboxHost.ReadAsync(none);
        status.ShouldBe(401);
        SandboxHost.ErrorCode(body).ShouldBe("UNAUTHORIZED");
        none.Headers.Contains("X-RateLimit-Limit").ShouldBeTrue();

        using var request = new HttpRequestMessage(HttpMethod.Get, "candidates");
        request.Headers.Add("X-SmartToken", "wrong");
        using var wrong = await host.Anonymous.SendAsync(request, TestContext.Current.CancellationToken);
        ((int)wrong.StatusCode).ShouldBe(401);
    }

    [Fact]
    public async Task OAuth_ClientCredentials_IssueBearerTokenAccepted()
    {
        await using var host = await SandboxHost.StartAsync(o => { o.OAuthClientId = "cid"; o.OAuthClientSecret = "csecret"; });
        using var bad = await host.Anonymous.PostAsync("identity/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "cid", ["client_secret"] = "nope",
        }), TestContext.Current.CancellationToken);
        ((int)bad.StatusCode).ShouldBe(401);

        using var ok = await host.Anonymous.PostAsync("identity/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "cid", ["client_secret"] = "csecret",
        }), TestContext.Current.CancellationToken);
        var (status, token) = await SandboxHost.ReadAsync(ok);
        status.ShouldBe(200);
        token.GetProperty("expires_in").GetInt32().ShouldBe(1800);

        using var me = new HttpRequestMessage(HttpMethod.Get, "users/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        using var response = await host.Anonymous.SendAsync(me, TestContext.Current.CancellationToken);
        var (meStatus, user) = await SandboxHost.ReadAsync(response);
        meStatus.ShouldBe(200);
        user.GetProperty("email").GetString().ShouldNotBeNullOrEmpty();
    }
}
