namespace RulesEngine.Core.Sdk;

/// <summary>
/// Where <c>Elsa.PublishEvent</c> sends events. The host implements it by resuming the <c>Elsa.Event</c> bookmarks (and
/// starting the workflows triggered by <c>Elsa.Event</c>) that match the name and, when given, the correlation id; see
/// <see cref="Execution.EventBookmarks"/>. Without a host the default implementation does nothing.
/// </summary>
public interface IEventPublisher
{
    ValueTask PublishAsync(EventPublication publication, CancellationToken cancellationToken);
}
