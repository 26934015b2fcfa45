using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartRecruiters.Sandbox;

internal static class SandboxJson
{
    /// <summary>API payloads: camelCase, absent values omitted as the real API does.</summary>
    public static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>State dumps and seed files.</summary>
    public static readonly JsonSerializerOptions State = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };
}
