using System.Globalization;
using System.Text.Json;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.State;

/// <summary>
/// A durable per-tenant point in time for incremental syncs ("candidates updated since the last run"). Read it at the
/// start of a run, advance it at the end, after everything was sent: a run that faults half-way leaves it where it was,
/// so the next run reads the same changes again instead of losing them. It never moves backwards.
/// </summary>
[Activity("RulesEngine.Watermark", Category = "Rules", DisplayName = "Watermark",
    Description = "Reads or advances a durable per-tenant date-time mark: 'what changed since the last successful run'.")]
public sealed class Watermark(IDurableState state) : Activity
{
    public const string Read = "Read";
    public const string Advance = "Advance";

    [Input(Description = "Read the mark, or advance it to 'advanceTo'.", UiHint = UiHints.Dropdown, Options = [Read, Advance])]
    public Input<string> Operation { get; set; } = new(Read);

    [Input(Description = "Names the mark; default: the workflow definition id.")]
    public Input<string> Scope { get; set; } = new(string.Empty);

    [Input(Description = "Advance: the new mark, an ISO 8601 date-time (e.g. the newest 'updatedOn' sent). Empty or older: the mark stays.", DefaultSyntax = "CSharp")]
    public Input<string> AdvanceTo { get; set; } = new(string.Empty);

    [Output(Description = "The mark after the operation (ISO 8601), or empty before the first advance.")]
    public Output<string> Value { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var operation = context.Get(Operation) is { Length: > 0 } o ? o.Trim() : Read;
        if (!operation.Equals(Read, StringComparison.OrdinalIgnoreCase) && !operation.Equals(Advance, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"input 'operation': '{operation}' is neither {Read} nor {Advance}");
        }

        var scope = "watermark:" + (context.Get(Scope) is { Length: > 0 } s ? s : context.DefinitionId);
        var current = await state.GetSnapshotAsync(context.TenantId, scope, cancellationToken).ConfigureAwait(false) is { } json
            ? JsonSerializer.Deserialize<DateTimeOffset?>(json)
            : null;

        if (operation.Equals(Advance, StringComparison.OrdinalIgnoreCase) && context.Get(AdvanceTo) is { } text && !string.IsNullOrWhiteSpace(text))
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var target))
            {
                throw new InvalidOperationException($"input 'advanceTo': '{text}' is not an ISO 8601 date-time");
            }

            if (current is null || target > current)
            {
                current = target.ToUniversalTime();
                await state.SetSnapshotAsync(context.TenantId, scope, JsonSerializer.Serialize(current), cancellationToken).ConfigureAwait(false);
            }
        }

        context.Set(Value, current?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? string.Empty);
    }
}
