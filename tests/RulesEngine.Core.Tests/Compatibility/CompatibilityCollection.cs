namespace RulesEngine.Core.Tests.Compatibility;

/// <summary>
/// Runs the Elsa compatibility tests on their own, after the parallel ones: they start many engines and a runaway-script
/// test, and the GC-timing assertions of the C# unload tests are sensitive to that load when they run side by side.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CompatibilityCollection
{
    public const string Name = "Elsa compatibility";
}
