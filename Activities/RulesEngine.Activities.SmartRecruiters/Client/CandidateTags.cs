namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>Body of the tag endpoints: <c>{"tags":[…]}</c>.</summary>
public sealed record CandidateTags(IReadOnlyList<string> Tags);
