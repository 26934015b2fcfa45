namespace SmartRecruiters.Sandbox.State;

// Mutable records: they are only touched under SandboxStore's lock and are (de)serialised as the state dump.

internal sealed class CompanyRecord
{
    public string Identifier { get; set; } = "AcmeCorp";
    public string Name { get; set; } = "Acme Corp";
}

internal sealed class DepartmentRecord
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Description { get; set; }
}

internal sealed class PropertyRecord
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
}

internal sealed class JobLocationRecord
{
    public string? Country { get; set; }
    public string? CountryCode { get; set; }
    public string? RegionCode { get; set; }
    public string? Region { get; set; }
    public string? City { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public bool Remote { get; set; }
}

internal sealed class JobRecord
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? RefNumber { get; set; }
    public DateTimeOffset CreatedOn { get; set; }
    public DateTimeOffset UpdatedOn { get; set; }
    public DateTimeOffset LastActivityOn { get; set; }
    public DepartmentRecord? Department { get; set; }
    public JobLocationRecord Location { get; set; } = new();
    public string Status { get; set; } = "CREATED";
    public string PostingStatus { get; set; } = "NOT_PUBLISHED";
    public string HiringProcessId { get; set; } = "";
    public PropertyRecord? Industry { get; set; }
    public PropertyRecord? Function { get; set; }
    public PropertyRecord? TypeOfEmployment { get; set; }
    public PropertyRecord? ExperienceLevel { get; set; }
    public string? Description { get; set; }
    public string? Qualifications { get; set; }
    public decimal? CompensationMin { get; set; }
    public decimal? CompensationMax { get; set; }
    public string? Currency { get; set; }

    /// <summary>Public posting id (numeric string, as the real postings API uses); null when never published.</summary>
    public string? PostingId { get; set; }
    public string? PostingUuid { get; set; }
    public DateTimeOffset? ReleasedDate { get; set; }
}

internal sealed class HiringProcessRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public bool Active { get; set; } = true;
    public Dictionary<string, List<string>> SubStatuses { get; set; } = [];
}

internal sealed class SourceTypeRecord
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    public List<string> Subtypes { get; set; } = [];
    public List<SourceValueRecord> Values { get; set; } = [];
}

internal sealed class SourceValueRecord
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    public string? SubType { get; set; }
}

internal sealed class ReasonRecord
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
}

internal sealed class CandidateLocationRecord
{
    public string? Country { get; set; }
    public string? CountryCode { get; set; }
    public string? RegionCode { get; set; }
    public string? Region { get; set; }
    public string? City { get; set; }
    public double? Lat { get; set; }
    public double? Lng { get; set; }
}

internal sealed class CandidateRecord
{
    public string Id { get; set; } = "";
    public bool Internal { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? Email { get; set; }
    public string? PhoneNumber { get; set; }
    public CandidateLocationRecord? Location { get; set; }
    public Dictionary<string, string>? Web { get; set; }
    public DateTimeOffset CreatedOn { get; set; }
    public DateTimeOffset UpdatedOn { get; set; }
    public List<string> Tags { get; set; } = [];
    public System.Text.Json.Nodes.JsonArray? Education { get; set; }
    public System.Text.Json.Nodes.JsonArray? Experience { get; set; }
    public string ConsentStatus { get; set; } = "ACQUIRED";
}

internal sealed class ApplicationRecord
{
    public string Id { get; set; } = "";
    public string CandidateId { get; set; } = "";
    public string JobId { get; set; } = "";
    public string Status { get; set; } = "NEW";
    public string? SubStatus { get; set; }
    public DateTimeOffset StartsOn { get; set; }
    public string? Source { get; set; }
    public string? SourceTypeId { get; set; }
    public string? SourceSubTypeId { get; set; }
    public string? SourceId { get; set; }
    public ReasonRecord? ReasonOfRejection { get; set; }
    public ReasonRecord? ReasonOfWithdrawal { get; set; }
    public List<StatusChangeRecord> History { get; set; } = [];
}

internal sealed class StatusChangeRecord
{
    public DateTimeOffset ChangedOn { get; set; }
    public string Status { get; set; } = "";
    public string? SubStatus { get; set; }
}

internal sealed class AttachmentRecord
{
    public string Id { get; set; } = "";
    public string CandidateId { get; set; } = "";

    /// <summary>Null for a candidate-level (deprecated endpoint) attachment.</summary>
    public string? JobId { get; set; }
    public string Name { get; set; } = "";
    public string Type { get; set; } = "GENERIC_FILE";
    public string ContentType { get; set; } = "application/octet-stream";
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public string ContentBase64 { get; set; } = "";
    public DateTimeOffset CreatedOn { get; set; }
}

internal sealed class SubscriptionRecord
{
    public string Id { get; set; } = "";
    public string Credential { get; set; } = "";
    public string CallbackUrl { get; set; } = "";
    public List<EventRef> Events { get; set; } = [];
    public string Status { get; set; } = "inactive";
    public System.Text.Json.Nodes.JsonObject? CallbackAuthentication { get; set; }
    public string? AlertingEmailAddress { get; set; }
    public List<SecretKeyRecord> SecretKeys { get; set; } = [];
    public DateTimeOffset CreatedOn { get; set; }
}

internal sealed class EventRef
{
    public string Name { get; set; } = "";
    public string Version { get; set; } = "v1";
}

internal sealed class SecretKeyRecord
{
    public string Key { get; set; } = "";
    public DateTimeOffset CreatedOn { get; set; }

    /// <summary>Set when a newer key replaced this one: the old key stays valid until then (24 h).</summary>
    public DateTimeOffset? ExpiresOn { get; set; }
}

internal sealed class DeliveryRecord
{
    public string Id { get; set; } = "";
    public string EventId { get; set; } = "";
    public string EventName { get; set; } = "";
    public string EventVersion { get; set; } = "v1";
    public string SubscriptionId { get; set; } = "";
    public string CallbackUrl { get; set; } = "";
    public string Body { get; set; } = "";
    public string Link { get; set; } = "";
    public string? Origin { get; set; }

    /// <summary>pending, successful, failed (gave up after the last retry).</summary>
    public string Status { get; set; } = "pending";
    public int Attempts { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedOn { get; set; }
    public DateTimeOffset? LastAttemptOn { get; set; }
    public Dictionary<string, string> LastRequestHeaders { get; set; } = [];
}
