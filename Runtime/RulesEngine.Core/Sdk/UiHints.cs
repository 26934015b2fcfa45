namespace RulesEngine.Core.Sdk;

/// <summary>Editor kinds the designer knows.</summary>
public static class UiHints
{
    public const string SingleLine = "singleline";
    public const string MultiLine = "multiline";
    public const string Checkbox = "checkbox";
    public const string Number = "number";
    public const string Dropdown = "dropdown";
    public const string Json = "json";
    public const string Code = "code";
    public const string Cron = "cron";
    public const string TimeSpan = "timespan";
    public const string List = "list";
    public const string Variable = "variable";
    public const string Outcomes = "outcomes";
}
