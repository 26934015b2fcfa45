namespace RulesEngine.Core.Sdk;

/// <summary>
/// Marks a loop that <c>Elsa.Break</c> can end: a break inside its body cancels the rest of the iteration and completes
/// the loop with <c>Done</c>. Elsa.ForEach and Elsa.ParallelForEach are treated as loops by type name as well.
/// </summary>
public interface ILoopActivity;
