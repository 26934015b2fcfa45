namespace SmartRecruiters.Sandbox.Http;

/// <summary>SmartRecruiters' error body: <c>{"message","errors":[{"code","message"}]}</c>.</summary>
internal static class ApiErrors
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(Body(code, message), SandboxJson.Api, statusCode: status);

    public static object Body(string code, string message) =>
        new { message, errors = new[] { new { code, message } } };

    public static IResult BadRequest(string code, string message) => Error(StatusCodes.Status400BadRequest, code, message);

    public static IResult NotFound(string code, string message) => Error(StatusCodes.Status404NotFound, code, message);

    public static IResult Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "Missing or invalid credentials: send X-SmartToken or Authorization: Bearer <token>.");

    public static IResult CandidateNotFound(string id) => NotFound("CANDIDATE_NOT_FOUND", $"Candidate {id} not found.");

    public static IResult JobNotFound(string id) => NotFound("JOB_NOT_FOUND", $"Job {id} not found.");
}
