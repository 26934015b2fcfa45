using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Events;

/// <summary>The default publisher outside a runtime host: there is nowhere to deliver events, so it drops them.</summary>
internal sealed class NoOpEventPublisher : IEventPublisher
{
    public ValueTask PublishAsync(EventPublication publication, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
