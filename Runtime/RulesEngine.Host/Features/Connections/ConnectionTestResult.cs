namespace RulesEngine.Host.Features.Connections;

/// <summary>The outcome of a connection test, with a message for people (never a secret).</summary>
public sealed record ConnectionTestResult(bool Ok, string Message);
