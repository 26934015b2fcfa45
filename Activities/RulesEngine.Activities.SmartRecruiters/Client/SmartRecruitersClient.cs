using RulesEngine.Activities.SmartRecruiters.Connections;

namespace RulesEngine.Activities.SmartRecruiters.Client;

internal sealed class SmartRecruitersClient(
    SmartRecruitersConnection connection,
    ISmartRecruitersJobsApi jobs,
    ISmartRecruitersCandidatesApi candidates,
    ISmartRecruitersPostingsApi postings,
    ISmartRecruitersWebhooksApi webhooks,
    SmartRecruitersClientStatistics statistics,
    SmartRecruitersClientOptions options,
    HttpClient download) : ISmartRecruitersClient
{
    public SmartRecruitersConnection Connection { get; } = connection;

    public ISmartRecruitersJobsApi Jobs { get; } = jobs;

    public ISmartRecruitersCandidatesApi Candidates { get; } = candidates;

    public ISmartRecruitersPostingsApi Postings { get; } = postings;

    public ISmartRecruitersWebhooksApi Webhooks { get; } = webhooks;

    public SmartRecruitersClientStatistics Statistics { get; } = statistics;

    public SmartRecruitersClientOptions Options { get; } = options;

    public Task<byte[]> DownloadAsync(Uri url, CancellationToken cancellationToken) => download.GetByteArrayAsync(url, cancellationToken);
}
