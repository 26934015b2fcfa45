namespace SmartRecruiters.Sandbox.Vendor;

/// <summary>One recorded vendor call (secrets such as Authorization are not kept).</summary>
internal sealed record VendorRequest(
    string Id,
    string Vendor,
    string Method,
    string Path,
    string Query,
    Dictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedOn);
