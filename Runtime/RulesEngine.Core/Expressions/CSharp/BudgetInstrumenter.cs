using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>
/// Weaves <see cref="ScriptBudget"/> calls into user code so a runaway script can be stopped without killing the
/// host: a tick at the start of every loop body, switch section and goto label, and a stack-guarded tick on entry
/// into every lambda, anonymous method and local function (the only ways a script can recurse). Expression-bodied
/// lambdas become block bodies; whether that block returns is read from the (un-instrumented) semantic model.
/// The rewritten tree is compiled directly, never re-parsed, so the missing whitespace does not matter.
/// </summary>
internal sealed class BudgetInstrumenter(SemanticModel model) : CSharpSyntaxRewriter
{
    private const string Budget = "global::RulesEngine.Core.Expressions.CSharp.ScriptBudget";

    private static readonly StatementSyntax TickStatement = ParseStatement(Budget + ".Tick();");
    private static readonly StatementSyntax EnterStatement = ParseStatement(Budget + ".Enter();");
    private static readonly ExpressionSyntax CheckMethod = ParseExpression(Budget + ".Check");
    private static readonly ExpressionSyntax PassMethod = ParseExpression(Budget + ".Pass");
    private static readonly ExpressionSyntax CanCatchMethod = ParseExpression(Budget + ".CanCatch");
    private static readonly ExpressionSyntax AbortingProperty = ParseExpression(Budget + ".Aborting");
    private const string CaughtName = "__caught";

    public static SyntaxTree Instrument(SyntaxTree tree, SemanticModel model)
    {
        var root = new BudgetInstrumenter(model).Visit(tree.GetRoot());
        return tree.WithRootAndOptions(root, tree.Options);
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, TickStatement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, TickStatement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, TickStatement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, TickStatement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, TickStatement));
    }

    public override SyntaxNode? VisitBlock(BlockSyntax node)
    {
        var visited = (BlockSyntax)base.VisitBlock(node)!;
        return visited.WithStatements(TickLabels(visited.Statements));
    }

    public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node)
    {
        // `goto case` can loop between sections without any loop statement.
        var visited = (SwitchSectionSyntax)base.VisitSwitchSection(node)!;
        return visited.WithStatements(TickLabels(visited.Statements).Insert(0, TickStatement));
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var returnsVoid = ReturnsVoid(model.GetSymbolInfo(node).Symbol);
        var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return visited.ExpressionBody is { } body
            ? visited.WithExpressionBody(null).WithBlock(ToBlock(body, returnsVoid))
            : visited.WithBlock(PrependEnter(visited.Block!));
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var returnsVoid = ReturnsVoid(model.GetSymbolInfo(node).Symbol);
        var visited = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return visited.ExpressionBody is { } body
            ? visited.WithExpressionBody(null).WithBlock(ToBlock(body, returnsVoid))
            : visited.WithBlock(PrependEnter(visited.Block!));
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return visited.WithBlock(PrependEnter(visited.Block));
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var returnsVoid = ReturnsVoid(model.GetDeclaredSymbol(node));
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (visited.ExpressionBody is { } arrow)
        {
            return visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ToBlock(arrow.Expression, returnsVoid));
        }

        return visited.Body is { } block ? visited.WithBody(PrependEnter(block)) : visited;
    }

    public override SyntaxNode? VisitCatchClause(CatchClauseSyntax node)
    {
        // catch { } / catch (T) { } / catch (T e) when (f) { }  →  catch (T e) when (ScriptBudget.CanCatch(e) && (f)) { }
        var visited = (CatchClauseSyntax)base.VisitCatchClause(node)!;
        var declaration = visited.Declaration ?? CatchDeclaration(ParseTypeName("global::System.Exception"));
        if (declaration.Identifier.IsKind(SyntaxKind.None))
        {
            declaration = declaration.WithIdentifier(Identifier(CaughtName));
        }

        ExpressionSyntax condition = Call(CanCatchMethod, IdentifierName(declaration.Identifier.ValueText));
        if (visited.Filter is { } filter)
        {
            condition = BinaryExpression(SyntaxKind.LogicalAndExpression, condition, ParenthesizedExpression(filter.FilterExpression));
        }

        return visited.WithDeclaration(declaration).WithFilter(CatchFilterClause(condition));
    }

    public override SyntaxNode? VisitFinallyClause(FinallyClauseSyntax node)
    {
        // Skipped while aborting: a finally body runs on top of the deep stack too.
        var visited = (FinallyClauseSyntax)base.VisitFinallyClause(node)!;
        return visited.WithBlock(Block(IfStatement(PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, AbortingProperty), visited.Block)));
    }

    // Query clauses are lambdas without lambda syntax: tick per element through identity helpers.
    public override SyntaxNode? VisitWhereClause(WhereClauseSyntax node)
    {
        var visited = (WhereClauseSyntax)base.VisitWhereClause(node)!;
        return visited.WithCondition(Call(CheckMethod, visited.Condition));
    }

    public override SyntaxNode? VisitSelectClause(SelectClauseSyntax node)
    {
        var typed = HasType(node.Expression);
        var visited = (SelectClauseSyntax)base.VisitSelectClause(node)!;
        return typed ? visited.WithExpression(Call(PassMethod, visited.Expression)) : visited;
    }

    public override SyntaxNode? VisitLetClause(LetClauseSyntax node)
    {
        var typed = HasType(node.Expression);
        var visited = (LetClauseSyntax)base.VisitLetClause(node)!;
        return typed ? visited.WithExpression(Call(PassMethod, visited.Expression)) : visited;
    }

    private static bool ReturnsVoid(ISymbol? symbol) => symbol is IMethodSymbol { ReturnsVoid: true };

    private bool HasType(ExpressionSyntax expression) =>
        model.GetTypeInfo(expression).Type is { TypeKind: not TypeKind.Error } type && !type.IsAnonymousType;

    private static InvocationExpressionSyntax Call(ExpressionSyntax method, ExpressionSyntax argument) =>
        InvocationExpression(method, ArgumentList(SingletonSeparatedList(Argument(argument))));

    private static StatementSyntax Prepend(StatementSyntax statement, StatementSyntax first) =>
        statement is BlockSyntax block ? block.WithStatements(block.Statements.Insert(0, first)) : Block(first, statement);

    private static BlockSyntax PrependEnter(BlockSyntax block) => block.WithStatements(block.Statements.Insert(0, EnterStatement));

    private static BlockSyntax ToBlock(ExpressionSyntax body, bool returnsVoid)
    {
        StatementSyntax statement = body switch
        {
            ThrowExpressionSyntax throwExpression => ThrowStatement(throwExpression.Expression),
            _ when returnsVoid => ExpressionStatement(body),
            _ => ReturnStatement(body),
        };
        return Block(EnterStatement, statement);
    }

    /// <summary>`L: stmt` becomes `L: Tick(); stmt`, so every backward goto passes a check.</summary>
    private static SyntaxList<StatementSyntax> TickLabels(SyntaxList<StatementSyntax> statements)
    {
        if (!statements.Any(s => s is LabeledStatementSyntax))
        {
            return statements;
        }

        var result = new List<StatementSyntax>(statements.Count + 2);
        foreach (var statement in statements)
        {
            var current = statement;
            while (current is LabeledStatementSyntax labeled)
            {
                result.Add(labeled.WithStatement(TickStatement));
                current = labeled.Statement;
            }

            result.Add(current);
        }

        return List(result);
    }
}
