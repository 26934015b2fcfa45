using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RulesEngine.Persistence.Infrastructure;

/// <summary>Stores a <see cref="DateTimeOffset"/> as its UTC ticks (all timestamps here are UTC).</summary>
internal sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
{
    public UtcTicksConverter()
        : base(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero))
    {
    }
}
