using RulesEngine.Core.Model;

namespace RulesEngine.Core.Sdk;

/// <summary>Implemented by activities whose inputs hold expressions of their own (see <see cref="NestedExpression"/>).</summary>
public interface IHasNestedExpressions
{
    IEnumerable<NestedExpression> GetNestedExpressions(ActivityNode node);
}
