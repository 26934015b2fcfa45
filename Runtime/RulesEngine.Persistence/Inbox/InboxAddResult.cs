namespace RulesEngine.Persistence.Inbox;

/// <summary><see cref="IsNew"/> is false for a duplicate; <see cref="Item"/> is then the item stored first.</summary>
public sealed record InboxAddResult(bool IsNew, WebhookInboxItem Item);
