namespace RulesEngine.Host.Features.Audit;

/// <summary>Stable audit action names (clients may filter on them).</summary>
public static class AuditActions
{
    public const string TenantCreated = "tenant.created";
    public const string TokenIssued = "token.issued";
    public const string TokenRevoked = "token.revoked";
    public const string WorkflowCreated = "workflow.created";
    public const string WorkflowSaved = "workflow.saved";
    public const string WorkflowPublished = "workflow.published";
    public const string WorkflowRetracted = "workflow.retracted";
    public const string WorkflowRolledBack = "workflow.rolled-back";
    public const string WorkflowImported = "workflow.imported";
    public const string WorkflowDeleted = "workflow.deleted";
    public const string ConnectionChanged = "connection.changed";
    public const string ConnectionDeleted = "connection.deleted";
    public const string MappingChanged = "mapping.changed";
    public const string MappingDeleted = "mapping.deleted";
}
