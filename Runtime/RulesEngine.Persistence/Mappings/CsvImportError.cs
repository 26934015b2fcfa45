namespace RulesEngine.Persistence.Mappings;

/// <summary>A problem in a CSV import, with the 1-based line it was found on.</summary>
public sealed record CsvImportError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
