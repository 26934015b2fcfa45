namespace RulesEngine.Core.Sdk;

/// <summary>
/// Marks a string-named embedded port of a container-like activity (e.g. ForEach's <c>body</c>): the JSON property of that
/// name holds one child activity, which the activity schedules through <c>context.SchedulePort</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PortAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
