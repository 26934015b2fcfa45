using System.Threading.Channels;

namespace RulesEngine.Host.Features.Runs;

/// <summary>
/// Instances waiting for a worker. Each tenant may have at most <see cref="RunsOptions.PerTenantLimit"/> instances
/// handed to workers at once; the rest wait in the tenant's own line, so one busy tenant cannot starve the others.
/// </summary>
internal sealed class RunQueue(Microsoft.Extensions.Options.IOptions<RunsOptions> options)
{
    private readonly Channel<RunTicket> _ready = Channel.CreateUnbounded<RunTicket>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Dictionary<string, TenantLine> _tenants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Tickets waiting (ready or held back by their tenant's cap).</summary>
    public int Depth
    {
        get
        {
            lock (_gate)
            {
                return _ready.Reader.Count + _tenants.Values.Sum(t => t.Waiting.Count);
            }
        }
    }

    /// <summary>Queues a ticket; an instance already queued or being run here is not queued twice.</summary>
    public void Enqueue(RunTicket ticket)
    {
        lock (_gate)
        {
            if (!_queued.Add(ticket.InstanceId))
            {
                return;
            }

            if (!_tenants.TryGetValue(ticket.TenantId, out var line))
            {
                _tenants[ticket.TenantId] = line = new TenantLine();
            }

            if (line.Running < options.Value.PerTenantLimit)
            {
                line.Running++;
                _ready.Writer.TryWrite(ticket);
            }
            else
            {
                line.Waiting.Enqueue(ticket);
            }
        }
    }

    /// <summary>A worker finished a ticket of this tenant: let the tenant's next one through.</summary>
    public void Done(RunTicket ticket)
    {
        lock (_gate)
        {
            _queued.Remove(ticket.InstanceId);
            if (!_tenants.TryGetValue(ticket.TenantId, out var line))
            {
                return;
            }

            if (line.Waiting.TryDequeue(out var next))
            {
                _ready.Writer.TryWrite(next);
            }
            else
            {
                line.Running--;
                if (line.Running == 0)
                {
                    _tenants.Remove(ticket.TenantId);
                }
            }
        }
    }

    public ValueTask<RunTicket> ReadAsync(CancellationToken cancellationToken) => _ready.Reader.ReadAsync(cancellationToken);

    private sealed class TenantLine
    {
        public int Running { get; set; }

        public Queue<RunTicket> Waiting { get; } = new();
    }
}
