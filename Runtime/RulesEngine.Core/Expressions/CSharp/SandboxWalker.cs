using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>
/// Rejects dangerous code by what it binds to, not by how it is spelled: aliases, <c>using static</c>,
/// <c>global::</c> and extension methods all resolve to the same symbols. Works on an allowlist of namespaces
/// (plus a few denied types and members inside them), so a new dangerous framework API is forbidden by default.
/// Only the user's own text is inspected; the generated glue around it is trusted.
/// </summary>
internal sealed class SandboxWalker
{
    public const string ForbiddenApi = "RE0001";
    public const string ForbiddenFeature = "RE0002";

    private static readonly HashSet<string> AllowedNamespaces = new(StringComparer.Ordinal)
    {
        "System",
        "System.Buffers",
        "System.Collections",
        "System.Collections.Generic",
        "System.Collections.ObjectModel",
        "System.Globalization",
        "System.Linq",
        "System.Numerics",
        "System.Text",
        "System.Text.Encodings.Web",
        "System.Text.Json",
        "System.Text.Json.Nodes",
        "System.Text.Json.Serialization",
        "System.Text.RegularExpressions",
        "System.Text.Unicode",
        ScriptCodeGenerator.Namespace,
    };

    /// <summary>Our own types scripts may touch; the rest of RulesEngine.Core (the engine, the compiler) stays out of reach.</summary>
    private static readonly HashSet<string> AllowedOwnTypes = new(StringComparer.Ordinal)
    {
        "RulesEngine.Core.Expressions.ScriptHost",
        "RulesEngine.Core.Expressions.IScriptContext",
        "RulesEngine.Core.Expressions.TriggerData",
        "RulesEngine.Core.Expressions.MappingTables",
        "RulesEngine.Core.Expressions.MappingTable",
        "RulesEngine.Core.Expressions.CSharp.ScriptOutputs",
    };

    /// <summary>Types of allowed namespaces that reach the process, the runtime or reflection.</summary>
    private static readonly HashSet<string> DeniedTypes = new(StringComparer.Ordinal)
    {
        "System.Activator",
        "System.AppContext",
        "System.AppDomain",
        "System.ArgIterator",
        "System.Buffer",
        "System.Console",
        "System.ContextBoundObject",
        "System.Environment",
        "System.GC",
        "System.MarshalByRefObject",
        "System.ModuleHandle",
        "System.OperatingSystem",
        "System.RuntimeArgumentHandle",
        "System.RuntimeFieldHandle",
        "System.RuntimeMethodHandle",
        "System.RuntimeTypeHandle",
        "System.Type",
        "System.TypedReference",
    };

    /// <summary>Members of otherwise allowed types that open reflection.</summary>
    private static readonly HashSet<string> DeniedMembers = new(StringComparer.Ordinal)
    {
        "System.Object.GetType",
        "System.Delegate.CreateDelegate",
        "System.Delegate.DynamicInvoke",
        "System.Delegate.Method",
        "System.Exception.TargetSite",
    };

    private static readonly SymbolDisplayFormat NameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType);

    private static readonly HashSet<SyntaxKind> AllowedDirectives =
    [
        SyntaxKind.RegionDirectiveTrivia,
        SyntaxKind.EndRegionDirectiveTrivia,
        SyntaxKind.PragmaWarningDirectiveTrivia,
        SyntaxKind.NullableDirectiveTrivia,
    ];

    private readonly GeneratedScript _script;
    private readonly SemanticModel _model;
    private readonly ICollection<ScriptDiagnostic> _diagnostics;
    private readonly HashSet<(string Message, int Line)> _reported = [];

    private SandboxWalker(GeneratedScript script, SemanticModel model, ICollection<ScriptDiagnostic> diagnostics)
    {
        _script = script;
        _model = model;
        _diagnostics = diagnostics;
    }

    public static void Check(GeneratedScript script, SemanticModel model, ICollection<ScriptDiagnostic> diagnostics) =>
        new SandboxWalker(script, model, diagnostics).Run();

    private void Run()
    {
        var root = _model.SyntaxTree.GetRoot();
        foreach (var segment in _script.Segments)
        {
            var span = new Microsoft.CodeAnalysis.Text.TextSpan(segment.GeneratedStart, segment.Length);
            foreach (var trivia in root.DescendantTrivia(span, descendIntoTrivia: true))
            {
                if (trivia.IsDirective && segment.Contains(trivia.Span) && !AllowedDirectives.Contains(trivia.Kind()))
                {
                    ReportFeature(trivia.SpanStart, "preprocessor directive " + trivia.ToString().Trim());
                }
            }

            foreach (var token in root.DescendantTokens(span))
            {
                if (segment.Contains(token.Span))
                {
                    CheckToken(token);
                }
            }

            foreach (var node in root.DescendantNodes(span))
            {
                if (segment.Contains(node.Span))
                {
                    CheckNode(node);
                }
            }
        }
    }

    private void CheckToken(SyntaxToken token)
    {
        switch (token.Kind())
        {
            case SyntaxKind.UnsafeKeyword:
            case SyntaxKind.StackAllocKeyword:
            case SyntaxKind.FixedKeyword:
                ReportFeature(token.SpanStart, "unsafe code (" + token.Text + ")");
                break;
            case SyntaxKind.ExternKeyword:
                ReportFeature(token.SpanStart, "extern (P/Invoke)");
                break;
            case SyntaxKind.AsyncKeyword when token.Parent is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
            case SyntaxKind.AwaitKeyword when token.Parent is AwaitExpressionSyntax or ForEachStatementSyntax or UsingStatementSyntax or LocalDeclarationStatementSyntax:
                ReportFeature(token.SpanStart, "async/await (scripts run synchronously)");
                break;
            case SyntaxKind.LockKeyword:
                ReportFeature(token.SpanStart, "lock (threading)");
                break;
            case SyntaxKind.ArgListKeyword:
            case SyntaxKind.MakeRefKeyword:
            case SyntaxKind.RefTypeKeyword:
            case SyntaxKind.RefValueKeyword:
                ReportFeature(token.SpanStart, token.Text);
                break;
            case SyntaxKind.GlobalKeyword when token.Parent is UsingDirectiveSyntax:
                ReportFeature(token.SpanStart, "global using");
                break;
        }
    }

    private void CheckNode(SyntaxNode node)
    {
        switch (node)
        {
            case PointerTypeSyntax or FunctionPointerTypeSyntax:
                ReportFeature(node.SpanStart, "pointers");
                return;
            case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.AddressOfExpression) || prefix.IsKind(SyntaxKind.PointerIndirectionExpression):
                ReportFeature(node.SpanStart, "pointers");
                return;
            case MemberAccessExpressionSyntax arrow when arrow.IsKind(SyntaxKind.PointerMemberAccessExpression):
                ReportFeature(node.SpanStart, "pointers");
                break;
            case UsingDirectiveSyntax { NamespaceOrType: { } target } when _model.GetSymbolInfo(target).Symbol is INamespaceSymbol ns:
                if (!AllowedNamespaces.Contains(ns.ToDisplayString()))
                {
                    ReportApi(target.SpanStart, ns.ToDisplayString());
                }

                return;
            case AttributeSyntax attribute:
                CheckSymbol(_model.GetSymbolInfo(attribute).Symbol, node);
                return;
            case QueryClauseSyntax clause:
                var clauseInfo = _model.GetQueryClauseInfo(clause);
                CheckSymbol(clauseInfo.CastInfo.Symbol, node);
                CheckSymbol(clauseInfo.OperationInfo.Symbol, node);
                return;
            case SelectOrGroupClauseSyntax selectOrGroup:
                CheckSymbol(_model.GetSymbolInfo(selectOrGroup).Symbol, node);
                return;
            case VariableDeclaratorSyntax or SingleVariableDesignationSyntax or ForEachStatementSyntax or CatchDeclarationSyntax:
                CheckSymbol(_model.GetDeclaredSymbol(node), node);
                return;
            case ExpressionSyntax expression:
                if (IsWrite(expression) && _model.GetSymbolInfo(expression).Symbol is IPropertySymbol { IsStatic: true } or IFieldSymbol { IsStatic: true } or IEventSymbol { IsStatic: true })
                {
                    // Static state of framework types is shared by the whole process (Regex.CacheSize, default cultures).
                    var member = _model.GetSymbolInfo(expression).Symbol!;
                    if (member.ContainingNamespace?.ToDisplayString() != ScriptCodeGenerator.Namespace)
                    {
                        ReportApi(expression.SpanStart, "writing " + member.ToDisplayString(NameFormat));
                    }
                }

                CheckExpression(expression);
                return;
        }
    }

    private static bool IsWrite(ExpressionSyntax expression)
    {
        // The outermost name of an assignment target: `A.B = x`, `A.B += x`, `A.B++`, `ref A.B`.
        var target = expression.Parent is MemberAccessExpressionSyntax access && access.Name == expression ? access : expression;
        return target.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == target,
            PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax => target.Parent.Kind() is SyntaxKind.PostIncrementExpression
                or SyntaxKind.PostDecrementExpression or SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression,
            RefExpressionSyntax => true,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword),
            _ => false,
        };
    }

    private void CheckExpression(ExpressionSyntax expression)
    {
        // A namespace name inside a qualified name (System.IO in System.IO.File) is judged at the type it leads to.
        var info = _model.GetSymbolInfo(expression);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        if (symbol is not INamespaceSymbol)
        {
            CheckSymbol(symbol, expression);
        }

        var type = _model.GetTypeInfo(expression);
        CheckType(type.Type, expression);
        CheckType(type.ConvertedType, expression);
        CheckSymbol(_model.GetConversion(expression).MethodSymbol, expression);
    }

    private void CheckSymbol(ISymbol? symbol, SyntaxNode node)
    {
        switch (symbol)
        {
            case null or INamespaceSymbol or ILabelSymbol or IRangeVariableSymbol:
                return;
            case IAliasSymbol alias:
                CheckSymbol(alias.Target, node);
                return;
            case ITypeSymbol type:
                CheckType(type, node);
                return;
            case ILocalSymbol local:
                CheckType(local.Type, node);
                return;
            case IParameterSymbol parameter:
                CheckType(parameter.Type, node);
                return;
            case IDiscardSymbol discard:
                CheckType(discard.Type, node);
                return;
            case IMethodSymbol method:
                method = (method.ReducedFrom ?? method).OriginalDefinition;
                if (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
                {
                    CheckType(method.ReturnType, node);
                    return;
                }

                if (CheckMember(method, node))
                {
                    foreach (var argument in ((IMethodSymbol)symbol).TypeArguments)
                    {
                        CheckType(argument, node);
                    }
                }

                return;
            case IPropertySymbol property:
                if (CheckMember(property.OriginalDefinition, node))
                {
                    CheckType(property.Type, node);
                }

                return;
            case IFieldSymbol field:
                if (CheckMember(field.OriginalDefinition, node))
                {
                    CheckType(field.Type, node);
                }

                return;
            case IEventSymbol @event:
                CheckMember(@event.OriginalDefinition, node);
                return;
        }
    }

    /// <summary>Checks a member's containing type and the member itself; false when something was reported.</summary>
    private bool CheckMember(ISymbol member, SyntaxNode node)
    {
        if (member.ContainingType is { } containing && !CheckType(containing, node))
        {
            return false;
        }

        var name = member.ToDisplayString(NameFormat);
        if (DeniedMembers.Contains(name))
        {
            ReportApi(node.SpanStart, name);
            return false;
        }

        return true;
    }

    /// <summary>False when the type (or a part of it: element, type argument, containing type) is forbidden.</summary>
    private bool CheckType(ITypeSymbol? type, SyntaxNode node)
    {
        switch (type)
        {
            case null or ITypeParameterSymbol:
                return true;
            case { TypeKind: TypeKind.Error }:
                return true;
            case { TypeKind: TypeKind.Dynamic }:
                ReportFeature(node.SpanStart, "dynamic");
                return false;
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                ReportFeature(node.SpanStart, "pointers");
                return false;
            case IArrayTypeSymbol array:
                return CheckType(array.ElementType, node);
            case INamedTypeSymbol named:
                if (named.IsTupleType || named.IsGenericType)
                {
                    foreach (var argument in named.TypeArguments)
                    {
                        if (!CheckType(argument, node))
                        {
                            return false;
                        }
                    }
                }

                var definition = named.OriginalDefinition;
                while (definition.ContainingType is { } outer)
                {
                    definition = outer.OriginalDefinition;
                }

                var name = definition.ToDisplayString(NameFormat);
                var ns = definition.ContainingNamespace is { IsGlobalNamespace: false } containingNamespace ? containingNamespace.ToDisplayString() : string.Empty;
                var allowed = ns.Length == 0
                    ? definition.IsAnonymousType || definition.IsImplicitlyDeclared
                    : AllowedOwnTypes.Contains(name) || (AllowedNamespaces.Contains(ns) && !DeniedTypes.Contains(name));
                if (!allowed)
                {
                    ReportApi(node.SpanStart, name);
                }

                return allowed;
            default:
                return true;
        }
    }

    private void ReportApi(int position, string api) => Report(position, ForbiddenApi, "forbidden API: " + api);

    private void ReportFeature(int position, string feature) => Report(position, ForbiddenFeature, "forbidden language feature: " + feature);

    private void Report(int position, string code, string message)
    {
        var diagnostic = _script.ToDiagnostic(position, ScriptDiagnostic.Error, code, message + " is not allowed in scripts");
        if (_reported.Add((message, diagnostic.Line)))
        {
            _diagnostics.Add(diagnostic);
        }
    }
}
