using RulesEngine.Core.Sdk;

namespace RulesEngine.Core.Tests.Compatibility;

/// <summary>Keeps published events in memory (stands in for the runtime host).</summary>
public sealed class RecordingEventPublisher : IEventPublisher
{
    private readonly List<EventPublication> _events = [];

    public IReadOnlyList<EventPublication> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public ValueTask PublishAsync(EventPublication publication, CancellationToken cancellationToken)
    {
        lock (_events)
        {
            _events.Add(publication);
        }

        return ValueTask.CompletedTask;
    }
}
