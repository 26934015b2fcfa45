using System.Text;

namespace RulesEngine.Persistence.Mappings;

/// <summary>Reads two-column CSV (RFC 4180: quoted fields may hold commas, quotes as "" and line breaks).</summary>
internal static class CsvKeyValueReader
{
    public static async Task<(List<KeyValuePair<string, string>> Rows, List<CsvImportError> Errors)> ReadAsync(
        TextReader reader, int maxKeyLength, CancellationToken cancellationToken)
    {
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<KeyValuePair<string, string>>();
        var errors = new List<CsvImportError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var first = true;

        foreach (var (line, fields, error) in Records(text))
        {
            if (error is not null)
            {
                errors.Add(new CsvImportError(line, error));
                continue;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            if (first)
            {
                first = false;
                if (fields.Count == 2
                    && string.Equals(fields[0].Trim(), "key", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(fields[1].Trim(), "value", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
            }

            if (fields.Count != 2)
            {
                errors.Add(new CsvImportError(line, $"expected 2 columns (key,value) but found {fields.Count}"));
                continue;
            }

            var key = fields[0].Trim();
            if (key.Length == 0)
            {
                errors.Add(new CsvImportError(line, "the key is empty"));
                continue;
            }

            if (key.Length > maxKeyLength)
            {
                errors.Add(new CsvImportError(line, $"the key is longer than {maxKeyLength} characters"));
                continue;
            }

            if (seen.TryGetValue(key, out var firstLine))
            {
                errors.Add(new CsvImportError(line, $"duplicate key '{key}' (first on line {firstLine})"));
                continue;
            }

            seen[key] = line;
            rows.Add(new KeyValuePair<string, string>(key, fields[1]));
        }

        return (rows, errors);
    }

    private static IEnumerable<(int Line, List<string> Fields, string? Error)> Records(string text)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var recordLine = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            string? error = null;
            var endOfRecord = false;
            while (!endOfRecord)
            {
                if (i < text.Length && text[i] == '"' && field.Length == 0)
                {
                    i++;
                    var closed = false;
                    while (i < text.Length)
                    {
                        var c = text[i++];
                        if (c == '"')
                        {
                            if (i < text.Length && text[i] == '"')
                            {
                                field.Append('"');
                                i++;
                                continue;
                            }

                            closed = true;
                            break;
                        }

                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                    }

                    if (!closed)
                    {
                        error = "a quoted field is not closed";
                        i = text.Length;
                    }
                    else if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        error = "unexpected character after a closing quote";
                    }
                }

                // Read up to the next separator (the rest of an unquoted field, or the junk after a bad quote).
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    field.Append(text[i++]);
                }

                fields.Add(field.ToString());
                field.Clear();
                if (i >= text.Length)
                {
                    endOfRecord = true;
                }
                else if (text[i] == ',')
                {
                    i++;
                }
                else
                {
                    if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    i++;
                    line++;
                    endOfRecord = true;
                }
            }

            yield return (recordLine, fields, error);
        }
    }
}
