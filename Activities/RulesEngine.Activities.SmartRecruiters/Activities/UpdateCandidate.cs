using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>PATCHes a candidate's personal details; only the inputs that are set are sent.</summary>
[Activity("SmartRecruiters.UpdateCandidate", HasSideEffects = true, Category = SmartRecruitersActivity.Category, DisplayName = "Update candidate",
    Description = "Updates a candidate's personal details (PATCH): only the fields given are changed.")]
public sealed class UpdateCandidate(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : SmartRecruitersActivity(clients, connections)
{
    [Input(Description = "The candidate id.", Required = true)]
    public Input<string> CandidateId { get; set; } = new();

    [Input(Description = "New first name.")]
    public Input<string> FirstName { get; set; } = new();

    [Input(Description = "New last name.")]
    public Input<string> LastName { get; set; } = new();

    [Input(Description = "New e-mail address.")]
    public Input<string> Email { get; set; } = new();

    [Input(Description = "New phone number.")]
    public Input<string> PhoneNumber { get; set; } = new();

    [Input(Description = "New location: {country, countryCode, region, city, lat, lng}.", UiHint = UiHints.Json)]
    public Input<object> Location { get; set; } = new();

    [Input(Description = "New web profiles: {linkedin, website, …}.", UiHint = UiHints.Json)]
    public Input<object> Web { get; set; } = new();

    [Input(Description = "Further personal-detail fields as a JSON object; the inputs above win.", UiHint = UiHints.Json)]
    public Input<object> Details { get; set; } = new();

    [Output(Description = "The candidate after the update.")]
    public Output<JsonObject> Candidate { get; set; } = new();

    protected override async ValueTask ExecuteAsync(ActivityContext context, ISmartRecruitersClient client, CancellationToken cancellationToken)
    {
        var id = Required.Text(context.Get(CandidateId), "candidateId");
        var body = InputValues.Object(context.Get(Details), "details") ?? [];
        Put(body, "firstName", context.Get(FirstName));
        Put(body, "lastName", context.Get(LastName));
        Put(body, "email", context.Get(Email));
        Put(body, "phoneNumber", context.Get(PhoneNumber));
        if (InputValues.Object(context.Get(Location), "location") is { } location)
        {
            body["location"] = location;
        }

        if (InputValues.Object(context.Get(Web), "web") is { } web)
        {
            body["web"] = web;
        }

        if (body.Count == 0)
        {
            throw new SmartRecruitersValidationException("MISSING_INPUT", "UpdateCandidate needs at least one field to change.");
        }

        context.Set(Candidate, await client.Candidates.UpdateAsync(id, body, cancellationToken).ConfigureAwait(false));
    }

    private static void Put(JsonObject body, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            body[name] = value.Trim();
        }
    }
}
