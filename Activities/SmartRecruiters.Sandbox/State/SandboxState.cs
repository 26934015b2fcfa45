namespace SmartRecruiters.Sandbox.State;

/// <summary>
/// The whole simulated tenant. It is also the JSON shape of a state dump (GET _sandbox/state) and of a seed file,
/// so a dump can be edited and fed back as a seed.
/// </summary>
internal sealed class SandboxState
{
    public CompanyRecord Company { get; set; } = new();
    public List<JobRecord> Jobs { get; set; } = [];
    public List<HiringProcessRecord> HiringProcesses { get; set; } = [];
    public List<SourceTypeRecord> Sources { get; set; } = [];
    public List<ReasonRecord> RejectionReasons { get; set; } = [];
    public List<ReasonRecord> WithdrawalReasons { get; set; } = [];
    public List<CandidateRecord> Candidates { get; set; } = [];
    public List<ApplicationRecord> Applications { get; set; } = [];
    public List<AttachmentRecord> Attachments { get; set; } = [];
    public List<SubscriptionRecord> Subscriptions { get; set; } = [];
    public List<DeliveryRecord> Deliveries { get; set; } = [];
}
