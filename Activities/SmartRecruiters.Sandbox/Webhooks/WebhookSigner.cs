using System.Security.Cryptography;
using System.Text;

namespace SmartRecruiters.Sandbox.Webhooks;

/// <summary>
/// SmartRecruiters' v1 signature: lower-case hex HMAC-SHA256 over
/// <c>timestamp.rawBody.eventId.eventName.eventVersion.link</c>, one <c>v1=</c> entry per valid key.
/// </summary>
internal static class WebhookSigner
{
    public static string Sign(string secretKey, string timestamp, string rawBody, string eventId, string eventName, string eventVersion, string link)
    {
        var payload = string.Join('.', timestamp, rawBody, eventId, eventName, eventVersion, link);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(payload)));
    }

    public static string Header(IEnumerable<string> keys, string timestamp, string rawBody, string eventId, string eventName, string eventVersion, string link) =>
        string.Join(';', keys.Select(k => "v1=" + Sign(k, timestamp, rawBody, eventId, eventName, eventVersion, link)));
}
