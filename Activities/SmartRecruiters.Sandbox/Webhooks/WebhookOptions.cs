using System.ComponentModel.DataAnnotations;

namespace SmartRecruiters.Sandbox.Webhooks;

/// <summary>How the simulator delivers webhooks.</summary>
public sealed class WebhookOptions
{
    /// <summary>Delays before each retry of a delivery that did not get a 2xx; its length bounds the retries.</summary>
    /// <value>Default 10 retries growing from 30 s to 8 h (the real service retries 10 times over 24 h).</value>
    public List<TimeSpan> RetrySchedule { get; set; } =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(8),
    ];

    /// <summary>Time a callback has to answer a delivery or the activation handshake.</summary>
    /// <value>Default 20 seconds.</value>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Subscriptions allowed per credential (403 <c>SUBSCRIPTIONS_LIMIT_EXCEEDED</c> beyond).</summary>
    /// <value>Default 20.</value>
    [Range(1, 1000)]
    public int MaxSubscriptions { get; set; } = 20;

    /// <summary>Secret keys a subscription may hold (403 <c>SECRET_KEYS_LIMIT_EXCEEDED</c> beyond).</summary>
    /// <value>Default 16.</value>
    [Range(1, 1000)]
    public int MaxSecretKeys { get; set; } = 16;

    /// <summary>How long a replaced secret key keeps signing deliveries.</summary>
    /// <value>Default 24 hours.</value>
    public TimeSpan OldKeyValidity { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Write requests may carry this header; deliveries caused by them echo it back so a client can spot its own writes.</summary>
    /// <value>Default <c>X-RulesEngine-Origin</c>.</value>
    [Required]
    public string OriginHeader { get; set; } = "X-RulesEngine-Origin";

    /// <summary>Allow http:// (not only https://) callback URLs, as local receivers need.</summary>
    /// <value>Default true.</value>
    public bool AllowHttpCallbacks { get; set; } = true;
}
