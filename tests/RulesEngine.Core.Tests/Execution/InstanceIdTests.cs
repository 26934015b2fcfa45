using RulesEngine.Core.Execution;
using RulesEngine.Core.Tests.Support;
using RulesEngine.TestSupport.Workflows;

namespace RulesEngine.Core.Tests.Execution;

/// <summary>
/// New instance ids follow the engine's clock, so instances (and the inbox and journal rows keyed by them) are stored at
/// the end of their indexes in the order they were created.
/// </summary>
public sealed class InstanceIdTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public void CreateState_IdsSortInTheOrderOfTheClock_AndStayUniqueWithinOneInstant()
    {
        var blueprint = _engine.Load(new Flow().Add("log", "Elsa.WriteLine", ("text", "hi")).ToString());
        var ids = new List<string>();
        for (var minute = 0; minute < 5; minute++)
        {
            // Several instances at one instant of the clock, then the clock moves on.
            for (var i = 0; i < 20; i++)
            {
                ids.Add(_engine.Runner.CreateState(blueprint).InstanceId);
            }

            _engine.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        ids.Distinct().Count().ShouldBe(100);
        ids.ShouldAllBe(id => id.Length == 32);
        for (var minute = 1; minute < 5; minute++)
        {
            var earlier = ids.GetRange((minute - 1) * 20, 20);
            var later = ids.GetRange(minute * 20, 20);
            string.CompareOrdinal(later.Min(StringComparer.Ordinal), earlier.Max(StringComparer.Ordinal)).ShouldBeGreaterThan(0);
        }

        // An id given by the caller (a resumed or requested instance) is kept as it is.
        _engine.Runner.CreateState(blueprint, new StartOptions { InstanceId = "given" }).InstanceId.ShouldBe("given");
    }
}
