using System.Globalization;
using System.Text;

namespace SmartRecruiters.Sandbox.Http;

internal static class Formats
{
    /// <summary>The real API's date style: UTC with milliseconds and a Z.</summary>
    public static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Iso(DateTimeOffset? value) => value is { } v ? Iso(v) : null;

    public static object Action(string url, string method = "GET") => new { url, method };

    /// <summary>Opaque page cursors: the last id seen, base64url-encoded.</summary>
    public static string EncodeCursor(string lastId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(lastId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecodeCursor(string pageId, out string lastId)
    {
        lastId = "";
        try
        {
            var s = pageId.Replace('-', '+').Replace('_', '/');
            s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
            lastId = Encoding.UTF8.GetString(Convert.FromBase64String(s));
            return lastId.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The current request URL with one query parameter replaced, for <c>Link: rel="next"</c>.</summary>
    public static string WithQuery(HttpContext context, string apiBase, string relativePath, string name, string value)
    {
        var pairs = context.Request.Query
            .Where(q => !string.Equals(q.Key, name, StringComparison.Ordinal))
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .Append(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
        return apiBase + relativePath + "?" + string.Join('&', pairs);
    }
}
