namespace RulesEngine.Persistence.Mappings;

/// <summary>The outcome of a CSV import: either rows were imported, or nothing was and <see cref="Errors"/> says why.</summary>
public sealed record CsvImportResult(int ImportedRows, IReadOnlyList<CsvImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
