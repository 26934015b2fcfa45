using System.Security.Cryptography;
using System.Text;

namespace RulesEngine.Activities.SmartRecruiters.Webhooks;

/// <summary>
/// SmartRecruiters' v1 webhook signature: lower-case hex HMAC-SHA256 with the subscription's secret key over
/// <c>timestamp.rawBody.event-id.event-name.event-version.link</c> (header values exactly as received; an absent
/// header is the empty string). The <c>smartrecruiters-signature</c> header lists one or more <c>v1=</c> values
/// (one per active key) separated by <c>;</c> or <c>,</c>; any match with any key accepts.
/// </summary>
public static class WebhookSignatureVerifier
{
    public const string SignatureHeader = "smartrecruiters-signature";
    public const string TimestampHeader = "smartrecruiters-timestamp";

    /// <summary>The v1 signature (lower-case hex) of a delivery under one key.</summary>
    public static string ComputeSignature(string secretKey, string? timestamp, string rawBody, string? eventId, string? eventName, string? eventVersion, string? link)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        var payload = string.Join('.', timestamp ?? "", rawBody ?? "", eventId ?? "", eventName ?? "", eventVersion ?? "", link ?? "");
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(payload)));
    }

    /// <summary>True when any <c>v1=</c> signature of the header matches any of the keys.</summary>
    public static bool Verify(IEnumerable<string> secretKeys, string? signatureHeader, string? timestamp, string rawBody, string? eventId, string? eventName, string? eventVersion, string? link)
    {
        ArgumentNullException.ThrowIfNull(secretKeys);
        var signatures = ParseSignatures(signatureHeader);
        if (signatures.Count == 0)
        {
            return false;
        }

        var matched = false;
        foreach (var key in secretKeys)
        {
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            var expected = Encoding.ASCII.GetBytes(ComputeSignature(key, timestamp, rawBody, eventId, eventName, eventVersion, link));
            foreach (var signature in signatures)
            {
                // Every pair is compared (no early exit), in constant time, so timing tells nothing about the keys.
                matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
            }
        }

        return matched;
    }

    /// <summary>Verifies a delivery from its raw body and headers (names case-insensitive).</summary>
    public static bool Verify(IEnumerable<string> secretKeys, string rawBody, IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? H(string name) => headers.TryGetValue(name, out var v) ? v
            : headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        return Verify(secretKeys, H(SignatureHeader), H(TimestampHeader), rawBody, H(SmartRecruitersDelivery.EventIdHeader),
            H(SmartRecruitersDelivery.EventNameHeader), H(SmartRecruitersDelivery.EventVersionHeader), H(SmartRecruitersDelivery.LinkHeader));
    }

    private static List<byte[]> ParseSignatures(string? header)
    {
        var result = new List<byte[]>();
        if (string.IsNullOrWhiteSpace(header))
        {
            return result;
        }

        foreach (var part in header.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("v1=", StringComparison.OrdinalIgnoreCase) && part.Length > 3)
            {
                result.Add(Encoding.ASCII.GetBytes(part[3..].Trim().ToLowerInvariant()));
            }
        }

        return result;
    }
}
