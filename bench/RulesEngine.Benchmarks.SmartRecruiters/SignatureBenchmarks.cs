using BenchmarkDotNet.Attributes;
using RulesEngine.Activities.SmartRecruiters.Webhooks;

namespace RulesEngine.Benchmarks.SmartRecruiters;

/// <summary>Webhook signature check: runs on every delivery before it is acknowledged (5 s budget).</summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private const string Body = "{\"job_id\":\"job-1\",\"candidate_id\":\"cand-1\",\"application_id\":\"app-1\"}";
    private readonly string[] _keys = ["key-1", "key-2", "key-3"];
    private string _header = "";

    [GlobalSetup]
    public void Setup() =>
        _header = string.Join(';', _keys.Select(k => "v1=" + WebhookSignatureVerifier.ComputeSignature(k, "1700000000000", Body, "e1", "application.created", "v1", "<https://x/c>; rel=self")));

    [Benchmark]
    public bool VerifyThreeKeysThreeSignatures() =>
        WebhookSignatureVerifier.Verify(_keys, _header, "1700000000000", Body, "e1", "application.created", "v1", "<https://x/c>; rel=self");
}
