namespace RulesEngine.Host.Features.Connections;

/// <summary>A job as the job picker shows it.</summary>
public sealed record JobOption(string Id, string Title);
