using System.Text.Json.Nodes;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Events;

/// <summary>
/// Elsa's PublishEvent: hands an event to the runtime (<see cref="IEventPublisher"/>), which resumes the matching
/// <c>Elsa.Event</c> bookmarks. Without a runtime host the event goes nowhere.
/// </summary>
[Activity("Elsa.PublishEvent", Category = "Primitives", DisplayName = "Publish event",
    Description = "Publishes an event that resumes waiting Event activities with the same name (and correlation id, when given).")]
public sealed class PublishEvent(IEventPublisher publisher) : Activity
{
    [Input(Description = "The event name.", Required = true)]
    public Input<string> EventName { get; set; } = new(string.Empty);

    [Input(Description = "Only instances with this correlation id receive it; empty: every instance.")]
    public Input<string> CorrelationId { get; set; } = new(string.Empty);

    [Input(Description = "Only this workflow instance receives it.")]
    public Input<bool> IsLocal { get; set; } = new(false);

    [Input(Description = "The payload the Event activities output.", DefaultSyntax = "CSharp", UiHint = UiHints.Json)]
    public Input<object> Payload { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var name = context.Get(EventName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException("input 'eventName' is empty");
        }

        var correlation = context.Get(CorrelationId);
        var payload = context.Get(Payload) switch
        {
            null => null,
            JsonNode node => node.DeepClone(),
            var other => Core.Execution.ValueConverter.ToNode(other),
        };
        var publication = new EventPublication(name, string.IsNullOrEmpty(correlation) ? null : correlation, payload)
        {
            TenantId = context.TenantId,
            SourceInstanceId = context.InstanceId,
            IsLocal = context.Get(IsLocal),
        };
        await publisher.PublishAsync(publication, cancellationToken).ConfigureAwait(false);
    }
}
