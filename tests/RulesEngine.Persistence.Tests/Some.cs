namespace RulesEngine.Persistence.Tests;

/// <summary>Test data: unique ids and small workflow JSON documents.</summary>
internal static class Some
{
    public static string TenantId() => "t-" + Guid.NewGuid().ToString("N")[..10];

    public static string DefinitionId() => "wf-" + Guid.NewGuid().ToString("N")[..10];

    public static string WorkflowJson(string marker) =>
        $$$"""{"definitionId":"x","name":"{{{marker}}}","root":{"id":"root","type":"Elsa.Flowchart","activities":[],"connections":[]}}""";
}
