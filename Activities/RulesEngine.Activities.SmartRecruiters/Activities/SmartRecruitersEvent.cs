using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Activities.SmartRecruiters.Webhooks;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>
/// Starts a workflow on a SmartRecruiters webhook delivery (the runtime picks workflows with
/// <see cref="SmartRecruitersEventFilter.Matches"/>). As the run's trigger it reads the delivery from the trigger
/// payload; elsewhere in a flow it waits on a bookmark named <c>SmartRecruiters.Event</c>, resumed with
/// <c>{"body":…,"headers":{…}}</c>. It fetches the current state when asked, since deliveries carry ids only.
/// </summary>
[Activity(BookmarkName, Category = SmartRecruitersActivity.Category, DisplayName = "SmartRecruiters event", Kind = ActivityKind.Trigger,
    Description = "Runs when SmartRecruiters reports an event (application, candidate or job), optionally with the current state fetched.")]
public sealed class SmartRecruitersEvent(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : Activity
{
    public const string BookmarkName = "SmartRecruiters.Event";

    public static readonly string[] KnownEvents =
    [
        "application.created", "application.status.updated", "application.attachment.created",
        "candidate.created", "candidate.updated", "candidate.deleted", "job.created", "job.updated", "job.status.updated",
    ];

    [Input(Description = "Event names to react to (e.g. application.status.updated, or application.*); empty for every event.", UiHint = UiHints.List, Options =
        ["application.created", "application.status.updated", "application.attachment.created", "candidate.created", "candidate.updated", "candidate.deleted", "job.created", "job.updated", "job.status.updated"])]
    public Input<object> Events { get; set; } = new();

    [Input(Description = "Only deliveries about this job.")]
    public Input<string> JobId { get; set; } = new();

    [Input(Description = "Only when the application now has this status (the application is fetched to check).")]
    public Input<string> Status { get; set; } = new();

    [Input(Description = "Only when the application now has this sub-status.")]
    public Input<string> SubStatus { get; set; } = new();

    [Input(Description = "What current state to fetch: none, application, job or candidate.", UiHint = UiHints.Dropdown, Options = ["none", "application", "job", "candidate"], DefaultValue = "none")]
    public Input<string> Fetch { get; set; } = new("none");

    [Input(Description = "Ignore deliveries caused by this engine's own writes (recognised by the X-RulesEngine-Origin echo).", DefaultValue = true)]
    public Input<bool> IgnoreOwnChanges { get; set; } = new(true);

    [Input(Description = "Name of the tenant's SmartRecruiters connection used to fetch current state.", DefaultValue = SmartRecruitersActivity.DefaultConnection, Order = 100)]
    public Input<string> Connection { get; set; } = new(SmartRecruitersActivity.DefaultConnection);

    [Output(Description = "The event name (event-name header).")]
    public Output<string> EventName { get; set; } = new();

    [Output(Description = "The delivery id (event-id header; the same on every retry).")]
    public Output<string> EventId { get; set; } = new();

    [Output(Description = "Job id from the delivery (application and job events).")]
    public Output<string> DeliveredJobId { get; set; } = new();

    [Output(Description = "Candidate id from the delivery (application and candidate events).")]
    public Output<string> CandidateId { get; set; } = new();

    [Output(Description = "Application id (application events).")]
    public Output<string> ApplicationId { get; set; } = new();

    [Output(Description = "The delivery body as received.")]
    public Output<JsonNode> Payload { get; set; } = new();

    [Output(Description = "The fetched current state (application, job or candidate), when asked.")]
    public Output<JsonObject> Resource { get; set; } = new();

    [Output(Description = "True when the delivery echoes a write of this engine.")]
    public Output<bool> IsOwnChange { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsTriggerOfRun)
        {
            var delivery = SmartRecruitersDelivery.From(context.Trigger.Body, context.Trigger.Headers);
            await ReceiveAsync(context, delivery, cancellationToken).ConfigureAwait(false);
            return;
        }

        var settings = Settings(context);
        context.CreateBookmark(new BookmarkRequest(BookmarkName)
        {
            Key = settings.Events.Count == 0 ? null : string.Join(",", settings.Events.Order(StringComparer.Ordinal)),
            Data = settings.ToJson(),
        });
    }

    public override async ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resumption);
        var payload = resumption.Payload;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        JsonNode? body = payload;
        if (payload is JsonObject o && o.ContainsKey("body") && o["headers"] is JsonObject h)
        {
            body = o["body"];
            foreach (var (k, v) in h)
            {
                headers[k] = v?.ToString() ?? "";
            }
        }

        await ReceiveAsync(context, SmartRecruitersDelivery.From(body, headers), cancellationToken).ConfigureAwait(false);
    }

    private SmartRecruitersEventFilterSettings Settings(ActivityContext context) => new()
    {
        Events = InputValues.Strings(context.Get(Events)),
        JobId = Blank(context.Get(JobId)),
        Status = Blank(context.Get(Status)),
        SubStatus = Blank(context.Get(SubStatus)),
        IgnoreOwnChanges = context.Get(IgnoreOwnChanges),
    };

    private async ValueTask ReceiveAsync(ActivityContext context, SmartRecruitersDelivery delivery, CancellationToken cancellationToken)
    {
        context.Set(EventName, delivery.EventName);
        context.Set(EventId, delivery.EventId);
        context.Set(DeliveredJobId, delivery.JobId);
        context.Set(CandidateId, delivery.CandidateId);
        context.Set(ApplicationId, delivery.ApplicationId);
        context.Set(Payload, delivery.Body?.DeepClone());
        context.Set(IsOwnChange, delivery.IsOwnChange);

        var fetch = (context.Get(Fetch) ?? "none").Trim().ToLowerInvariant();
        if (fetch is "" or "none")
        {
            context.Complete();
            return;
        }

        var name = context.Get(Connection) is { Length: > 0 } n ? n : SmartRecruitersActivity.DefaultConnection;
        var client = clients.GetClient(await connections.GetAsync(context.TenantId, name, cancellationToken).ConfigureAwait(false));
        JsonObject resource = fetch switch
        {
            "application" when delivery.CandidateId is { } c && delivery.JobId is { } j => await client.Candidates.GetApplicationAsync(c, j, cancellationToken).ConfigureAwait(false),
            "job" when delivery.JobId is { } j => await client.Jobs.GetJobAsync(j, cancellationToken).ConfigureAwait(false),
            "candidate" when delivery.CandidateId is { } c => await client.Candidates.GetAsync(c, cancellationToken).ConfigureAwait(false),
            "application" or "job" or "candidate" => throw new SmartRecruitersValidationException("INVALID_INPUT", $"A {delivery.EventName} delivery has no {fetch} to fetch."),
            _ => throw new SmartRecruitersValidationException("INVALID_INPUT", $"fetch must be none, application, job or candidate, not '{fetch}'."),
        };
        context.Set(Resource, resource);
        context.Complete();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
