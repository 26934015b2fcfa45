using System.Threading.Channels;

namespace SmartRecruiters.Sandbox.Webhooks;

/// <summary>Hands delivery ids from API calls to <see cref="WebhookDispatcher"/>, so a write never waits for a callback.</summary>
internal sealed class WebhookQueue
{
    private readonly Channel<(string DeliveryId, long Generation)> _channel = Channel.CreateUnbounded<(string, long)>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<(string DeliveryId, long Generation)> Reader => _channel.Reader;

    public void Enqueue(string deliveryId, long generation) => _channel.Writer.TryWrite((deliveryId, generation));
}
