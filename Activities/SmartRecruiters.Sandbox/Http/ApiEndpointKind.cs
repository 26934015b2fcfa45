namespace SmartRecruiters.Sandbox.Http;

/// <summary>Endpoint metadata read by <see cref="ApiPipelineFilter"/>.</summary>
internal sealed class ApiEndpointKind
{
    public static readonly ApiEndpointKind PublicAccess = new() { Public = true };
    public static readonly ApiEndpointKind CandidateSearch = new() { SingleFlight = true };

    /// <summary>No credential needed (public postings); a credential, when sent, is still honoured.</summary>
    public bool Public { get; init; }

    /// <summary>Subject to the one-in-flight limit of <c>GET /candidates</c>.</summary>
    public bool SingleFlight { get; init; }
}
