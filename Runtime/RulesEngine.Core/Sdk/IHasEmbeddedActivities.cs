using RulesEngine.Core.Model;

namespace RulesEngine.Core.Sdk;

/// <summary>
/// Implemented by activities that hold child activities inside their own JSON rather than in a named port or in
/// <c>activities</c> (Elsa's Fork keeps a list in <c>branches</c>, Switch one activity per case). The loader builds each
/// one like a port, under its <see cref="EmbeddedActivity.Slot"/>, so the activity schedules it with <c>SchedulePort(slot)</c>.
/// The JSON stays where it was, so writing the workflow back loses nothing.
/// </summary>
public interface IHasEmbeddedActivities
{
    IEnumerable<EmbeddedActivity> GetEmbeddedActivities(ActivityNode node);
}
