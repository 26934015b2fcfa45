namespace RulesEngine.Persistence.Inbox;

public enum WebhookInboxStatus
{
    Pending,
    Processing,
    Done,
    Failed,
}
