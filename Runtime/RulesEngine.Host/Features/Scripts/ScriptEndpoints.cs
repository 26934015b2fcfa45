using Microsoft.AspNetCore.Http.HttpResults;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Serialization;
using RulesEngine.Host.Infrastructure;

namespace RulesEngine.Host.Features.Scripts;

/// <summary>The designer's live check: every problem of a workflow (C# compile errors, forbidden APIs, unknown types, …).</summary>
public static class ScriptEndpoints
{
    public static IEndpointRouteBuilder MapScriptEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/scripts/check", Check)
            .RequireAuthorization()
            .WithTags("Scripts")
            .WithName("CheckScripts")
            .WithSummary("Diagnostics of a workflow's expressions by activity, input and line:column (compiles are cached by content hash).");
        return app;
    }

    public static Results<Ok<ScriptCheckResponse>, ProblemHttpResult, ValidationProblem> Check(ScriptCheckRequest request, WorkflowJsonReader reader, WorkflowLoader loader)
    {
        if (request.Definition is null)
        {
            return HostEndpoints.Invalid("definition", "the workflow JSON is required");
        }

        try
        {
            // The loader compiles all C# of the workflow in one go; the compiler caches by content hash, so a designer
            // that re-checks on every keystroke pays only for what changed.
            var problems = loader.Load(reader.Read(request.Definition, "definition")).Problems;
            return TypedResults.Ok(new ScriptCheckResponse(problems
                .Select(p => new ScriptDiagnosticModel(p.ActivityId, p.Input, p.Line, p.Column, p.IsError ? "error" : "warning", p.Code, p.Message))
                .ToList()));
        }
        catch (WorkflowFormatException ex)
        {
            return HostEndpoints.InvalidJson(ex.Message);
        }
    }
}
