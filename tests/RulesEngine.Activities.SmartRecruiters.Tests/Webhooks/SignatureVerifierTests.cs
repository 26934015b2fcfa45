using RulesEngine.Activities.SmartRecruiters.Webhooks;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Webhooks;

/// <summary>
/// SmartRecruiters' documentation gives no worked example, so the expected values were computed independently with
/// <c>printf '%s' "$ts.$body.$id.$name.$version.$link" | openssl dgst -sha256 -hmac "$key"</c>.
/// </summary>
public sealed class SignatureVerifierTests
{
    private const string Key = "whsec-test-key-1";
    private const string Timestamp = "1700000000123";
    private const string Body = "{\"job_id\":\"job-1\",\"candidate_id\":\"cand-1\",\"application_id\":\"app-1\"}";
    private const string EventId = "7f1c2a9e-0001";
    private const string EventName = "application.status.updated";
    private const string Version = "v1";
    private const string Link = "<https://api.smartrecruiters.com/candidates/cand-1/jobs/job-1>; rel=self";
    private const string Expected = "705f302bbb3b5d5cd2a6073be58e4c2a2b3f2e1585dc95cbf66de69b5a20e7d7";
    private const string ExpectedSecondKey = "55bca7c73397453ebf3e1f0341e2b2c8cea5749c1e79ccf72256f07c25f8e362";

    private static bool Verify(string header, string timestamp = Timestamp, string body = Body, string link = Link, params string[] keys) =>
        WebhookSignatureVerifier.Verify(keys.Length == 0 ? [Key] : keys, header, timestamp, body, EventId, EventName, Version, link);

    [Fact]
    public void ComputeSignature_MatchesTheOpenSslVector() =>
        WebhookSignatureVerifier.ComputeSignature(Key, Timestamp, Body, EventId, EventName, Version, Link).ShouldBe(Expected);

    [Fact]
    public void ComputeSignature_AbsentHeadersAreEmptyStrings() =>
        WebhookSignatureVerifier.ComputeSignature("k", null, "{\"id\":\"c1\"}", null, null, null, null)
            .ShouldBe("607b5db4499232e7010ed4b0143d987f74de9d62460f94d4077263d3eb2d39f2");

    [Fact]
    public void Verify_ValidSignature_Accepts() => Verify("v1=" + Expected).ShouldBeTrue();

    [Theory]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000;v1=" + Expected)]
    [InlineData("v1=" + ExpectedSecondKey + ", v1=" + Expected)]
    [InlineData("V1=" + Expected)]
    public void Verify_SeveralSignatures_AnyMatchAccepts(string header) => Verify(header).ShouldBeTrue();

    [Fact]
    public void Verify_RotatedKeys_EitherKeyAccepts()
    {
        Verify("v1=" + ExpectedSecondKey, keys: ["old-key", "second-key"]).ShouldBeTrue();
        Verify("v1=" + Expected, keys: ["second-key", Key]).ShouldBeTrue();
        Verify("v1=" + Expected, keys: ["second-key"]).ShouldBeFalse();
    }

    [Fact]
    public void Verify_TamperedBody_Rejects() => Verify("v1=" + Expected, body: Body.Replace("app-1", "app-2", StringComparison.Ordinal)).ShouldBeFalse();

    [Fact]
    public void Verify_TamperedTimestamp_Rejects() => Verify("v1=" + Expected, timestamp: "1700000000124").ShouldBeFalse();

    [Fact]
    public void Verify_TamperedLink_Rejects() => Verify("v1=" + Expected, link: Link.Replace("job-1", "job-2", StringComparison.Ordinal)).ShouldBeFalse();

    [Theory]
    [InlineData("")]
    [InlineData("v1=")]
    [InlineData("sha256=" + Expected)]
    [InlineData(Expected)]
    public void Verify_MissingOrMalformedHeader_Rejects(string header) => Verify(header).ShouldBeFalse();

    [Fact]
    public void Verify_FromHeaders_ReadsNamesCaseInsensitively()
    {
        var headers = new Dictionary<string, string>
        {
            ["Smartrecruiters-Signature"] = "v1=" + Expected,
            ["SmartRecruiters-Timestamp"] = Timestamp,
            ["Event-Id"] = EventId,
            ["Event-Name"] = EventName,
            ["Event-Version"] = Version,
            ["link"] = Link,
        };

        WebhookSignatureVerifier.Verify([Key], Body, headers).ShouldBeTrue();
    }
}
