namespace RulesEngine.Activities.SmartRecruiters.Tests.Support;

/// <summary>A webhook delivery as the receiver got it: raw body and headers.</summary>
public sealed record ReceivedDelivery(string Body, Dictionary<string, string> Headers);
