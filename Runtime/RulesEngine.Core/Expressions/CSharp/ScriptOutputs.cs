using System.Text.Json.Nodes;

namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>What scripts see as <c>Output</c>: outputs of activities that already ran, <c>Output.From("fetchJobs")</c>.</summary>
public sealed class ScriptOutputs
{
    private readonly IScriptContext _context;

    internal ScriptOutputs(IScriptContext context) => _context = context;

    /// <summary>The activity's output (its single or default output), or null when it has not run.</summary>
    public JsonNode? From(string activityIdOrName) => _context.GetActivityOutput(activityIdOrName, null);

    /// <summary>One named output of an activity, or null when it has not run or has no such output.</summary>
    public JsonNode? From(string activityIdOrName, string outputName) => _context.GetActivityOutput(activityIdOrName, outputName);
}
