namespace RulesEngine.Activities.SmartRecruiters.Client.Http;

/// <summary>Puts <c>X-RulesEngine-Origin</c> on every write so that webhook echoes of our own writes can be recognised.</summary>
internal sealed class OriginHeaderHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && request.Method != HttpMethod.Options)
        {
            request.Headers.Remove(SmartRecruitersOrigin.HeaderName);
            request.Headers.TryAddWithoutValidation(SmartRecruitersOrigin.HeaderName, SmartRecruitersOrigin.Current);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
