using RulesEngine.Activities.SmartRecruiters.Connections;

namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>The APIs of one credential, sharing its limiter, token and retry policy.</summary>
public interface ISmartRecruitersClient
{
    SmartRecruitersConnection Connection { get; }

    ISmartRecruitersJobsApi Jobs { get; }

    ISmartRecruitersCandidatesApi Candidates { get; }

    /// <summary>Public postings, called without a credential.</summary>
    ISmartRecruitersPostingsApi Postings { get; }

    ISmartRecruitersWebhooksApi Webhooks { get; }

    SmartRecruitersClientStatistics Statistics { get; }

    /// <summary>Options the client was built with (page size, max pages).</summary>
    SmartRecruitersClientOptions Options { get; }

    /// <summary>Downloads a file (a CV from a vendor URL) without SmartRecruiters credentials.</summary>
    Task<byte[]> DownloadAsync(Uri url, CancellationToken cancellationToken);
}
