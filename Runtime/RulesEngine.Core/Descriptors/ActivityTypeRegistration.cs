namespace RulesEngine.Core.Descriptors;

/// <summary>One activity type to register; modules add these to DI and the registry collects them.</summary>
public sealed record ActivityTypeRegistration(Type ActivityType);
