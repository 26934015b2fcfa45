using System.ComponentModel.DataAnnotations;

namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>Settings of the C# script compiler and sandbox.</summary>
public sealed class CSharpScriptOptions
{
    public const string SectionName = "RulesEngine:Scripts";

    /// <summary>How long one evaluation may run before it is stopped.</summary>
    /// <value>Default 2 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many compiled requests (workflow versions) stay loaded; the least recently used are unloaded.</summary>
    /// <value>Default 256. Zero disables caching.</value>
    [Range(0, 100_000)]
    public int CacheCapacity { get; set; } = 256;
}
