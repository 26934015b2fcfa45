using System.Security.Cryptography;
using System.Text;

namespace RulesEngine.Persistence.Bookmarks;

/// <summary>The hash stored in <see cref="Bookmark.Hash"/>: lower-case hex SHA-256 of the UTF-8 text.</summary>
public static class PayloadHash
{
    public static string Compute(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
    }
}
