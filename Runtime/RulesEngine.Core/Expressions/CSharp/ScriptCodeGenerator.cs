using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>
/// Turns a request into C# sources: one "host" tree with the generated class and its typed <c>Variables</c> /
/// <c>Input</c> accessors, and one tree per script holding a partial of that class with one method. Each user
/// script is parsed on its own first, so that its text can be pasted verbatim (exact positions for diagnostics)
/// without being able to break out of its method.
/// </summary>
internal static class ScriptCodeGenerator
{
    public const string Namespace = "__RulesEngineScripts";
    public const string ClassName = "__Script";
    public const string RunMethodPrefix = "__Run";
    private const string BodyMethodPrefix = "__Body";
    private const string ContextType = "global::RulesEngine.Core.Expressions.IScriptContext";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular);

    private static readonly CSharpParseOptions UsingsParseOptions = ParseOptions.WithKind(SourceCodeKind.Script);

    /// <summary>Namespaces every script sees without writing <c>using</c>.</summary>
    private static readonly string[] DefaultUsings =
    [
        "System",
        "System.Collections.Generic",
        "System.Globalization",
        "System.Linq",
        "System.Text",
        "System.Text.Json",
        "System.Text.Json.Nodes",
        "System.Text.RegularExpressions",
        "RulesEngine.Core.Expressions",
    ];

    public static string FullClassName => Namespace + "." + ClassName;

    /// <summary>Builds the tree of one script, or adds parse diagnostics and returns null.</summary>
    public static GeneratedScript? Generate(ScriptSource source, int index, ICollection<ScriptDiagnostic> diagnostics)
    {
        var code = source.Code ?? string.Empty;
        var userText = SourceText.From(code);

        // Leading using directives (including aliases and `using static`) are allowed; they go to the file's top.
        var bodyStart = 0;
        var usings = SyntaxFactory.ParseCompilationUnit(code, 0, UsingsParseOptions).Usings;
        if (usings.Count > 0 && !usings.Any(u => u.ContainsDiagnostics))
        {
            bodyStart = usings[^1].FullSpan.End;
        }

        var body = code[bodyStart..];
        var expression = SyntaxFactory.ParseExpression(body, 0, ParseOptions, consumeFullText: true);
        var isExpression = !expression.ContainsDiagnostics;
        if (!isExpression)
        {
            // Not a single expression: try a statement body. The braces make it one block, and consumeFullText
            // guarantees the user's text closes every brace it opens.
            const string prefix = "{\n";
            var block = SyntaxFactory.ParseStatement(prefix + body + "\n}", 0, ParseOptions, consumeFullText: true);
            if (block.ContainsDiagnostics || block is not BlockSyntax)
            {
                var expressionErrors = Errors(expression.GetDiagnostics(), bodyStart, code.Length);
                var blockErrors = Errors(block.GetDiagnostics(), bodyStart - prefix.Length, code.Length);

                // Report the reading that got further: `return x` is a body missing `;`, `a +` an unfinished expression.
                var useBlock = FirstPosition(blockErrors) > FirstPosition(expressionErrors)
                    || (FirstPosition(blockErrors) == FirstPosition(expressionErrors) && body.Contains(';', StringComparison.Ordinal));
                foreach (var (position, diagnostic) in useBlock ? blockErrors : expressionErrors)
                {
                    var line = userText.Lines.GetLinePosition(position);
                    diagnostics.Add(new ScriptDiagnostic(
                        source.ActivityId, source.InputName, line.Line + 1, line.Character + 1, ScriptDiagnostic.Error, diagnostic.Id,
                        diagnostic.GetMessage(CultureInfo.InvariantCulture)));
                }

                return null;
            }
        }

        var text = new StringBuilder();
        var segments = new List<ScriptSegment>(2);
        foreach (var ns in DefaultUsings)
        {
            text.Append("using ").Append(ns).Append(";\n");
        }

        if (bodyStart > 0)
        {
            segments.Add(new ScriptSegment(text.Length, bodyStart, 0));
            text.Append(code, 0, bodyStart).Append('\n');
        }

        var i = index.ToString(CultureInfo.InvariantCulture);
        var convert = TryGetTypeName(source.ResultType, out var resultType) && resultType != "object";
        var call = $"new {ClassName}(context).{BodyMethodPrefix}{i}()";
        text.Append("namespace ").Append(Namespace).Append(";\n")
            .Append("partial class ").Append(ClassName).Append("\n{\n")
            .Append("    public static object ").Append(RunMethodPrefix).Append(i).Append('(').Append(ContextType).Append(" context) => ")
            .Append(convert ? $"ConvertTo<{resultType}>({call})" : call).Append(";\n");
        if (isExpression)
        {
            text.Append("    private object ").Append(BodyMethodPrefix).Append(i).Append("() => (\n");
            segments.Add(new ScriptSegment(text.Length, body.Length, bodyStart));
            text.Append(body).Append("\n    );\n");
        }
        else
        {
            text.Append("    private object ").Append(BodyMethodPrefix).Append(i).Append("()\n    {\n");
            segments.Add(new ScriptSegment(text.Length, body.Length, bodyStart));

            // A body that falls off its end returns null.
            text.Append(body).Append("\n#pragma warning disable CS0162\n        return null;\n    }\n");
        }

        text.Append("}\n");
        var path = $"{source.ActivityId}/{source.InputName}.csx";
        var tree = CSharpSyntaxTree.ParseText(text.ToString(), ParseOptions, path, Encoding.UTF8);
        return new GeneratedScript(source, index, userText, tree, segments);
    }

    /// <summary>The generated class with typed accessors for variables and inputs.</summary>
    public static SyntaxTree GenerateHost(ScriptCompilationRequest request)
    {
        var text = new StringBuilder();
        text.Append("namespace ").Append(Namespace).Append(";\n\n")
            .Append("public sealed partial class ").Append(ClassName).Append(" : global::RulesEngine.Core.Expressions.ScriptHost\n{\n")
            .Append("    public ").Append(ClassName).Append('(').Append(ContextType).Append(" context)\n        : base(context)\n    {\n    }\n\n")
            .Append("    public __Variables Variables => field ??= new __Variables(Context);\n\n")
            .Append("    public __Inputs Input => field ??= new __Inputs(Context);\n\n");
        AppendAccessors(text, "__Variables", request.Variables, writable: true);
        text.Append('\n');
        AppendAccessors(text, "__Inputs", request.Inputs, writable: false);
        text.Append("}\n");
        return CSharpSyntaxTree.ParseText(text.ToString(), ParseOptions, "__host.cs", Encoding.UTF8);
    }

    /// <summary>
    /// The C# spelling of <paramref name="type"/>, when scripts can use it: null, by-ref, pointer and open types,
    /// and types from assemblies outside the allowlist give false (callers fall back to <c>object</c>).
    /// </summary>
    public static bool TryGetTypeName(Type? type, out string name)
    {
        name = "object";
        if (type is null || type == typeof(object))
        {
            return true;
        }

        if (type.IsByRef || type.IsPointer || type.IsGenericParameter || type.ContainsGenericParameters
            || !ScriptReferences.IsReferenced(type.Assembly))
        {
            return false;
        }

        if (type.IsArray)
        {
            if (!TryGetTypeName(type.GetElementType(), out var element))
            {
                return false;
            }

            name = element + "[" + new string(',', type.GetArrayRank() - 1) + "]";
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            if (!TryGetTypeName(underlying, out var inner))
            {
                return false;
            }

            name = inner + "?";
            return true;
        }

        // Nested generic types are rare in variable declarations and awkward to spell; treat them as object.
        if (type.IsNested && (type.IsGenericType || type.DeclaringType!.IsGenericType))
        {
            return false;
        }

        var prefix = type.IsNested
            ? (TryGetTypeName(type.DeclaringType, out var declaring) ? declaring + "." : null)
            : "global::" + (string.IsNullOrEmpty(type.Namespace) ? string.Empty : type.Namespace + ".");
        if (prefix is null)
        {
            return false;
        }

        var simple = type.Name;
        var tick = simple.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            simple = simple[..tick];
        }

        if (type.IsGenericType)
        {
            var arguments = new List<string>();
            foreach (var argument in type.GetGenericArguments())
            {
                if (!TryGetTypeName(argument, out var argumentName))
                {
                    return false;
                }

                arguments.Add(argumentName);
            }

            simple += "<" + string.Join(", ", arguments) + ">";
        }

        name = prefix + simple;
        return true;
    }

    private static void AppendAccessors(StringBuilder text, string className, IReadOnlyList<ScriptSymbol> symbols, bool writable)
    {
        text.Append("    public sealed class ").Append(className).Append("\n    {\n")
            .Append("        private readonly ").Append(ContextType).Append(" __context;\n\n")
            .Append("        public ").Append(className).Append('(').Append(ContextType).Append(" context) => __context = context;\n");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            // Names that are no C# identifiers stay reachable through GetVariable("...")/GetInput("...").
            if (string.IsNullOrEmpty(symbol.Name) || !SyntaxFacts.IsValidIdentifier(symbol.Name)
                || symbol.Name.StartsWith("__", StringComparison.Ordinal) || symbol.Name == className || !seen.Add(symbol.Name))
            {
                continue;
            }

            var identifier = SyntaxFacts.GetKeywordKind(symbol.Name) != SyntaxKind.None ? "@" + symbol.Name : symbol.Name;
            var literal = SymbolDisplay.FormatLiteral(symbol.Name, quote: true);
            var typed = TryGetTypeName(symbol.Type, out var type) && type != "object";
            var read = writable ? $"__context.GetVariable({literal})" : $"__context.GetInput({literal})";
            text.Append("\n        public ").Append(typed ? type : "object").Append(' ').Append(identifier).Append("\n        {\n")
                .Append("            get => ").Append(typed ? $"ConvertTo<{type}>({read})" : read).Append(";\n");
            if (writable)
            {
                text.Append("            set => __context.SetVariable(").Append(literal).Append(", value);\n");
            }

            text.Append("        }\n");
        }

        text.Append("    }\n");
    }

    private static List<(int Position, Diagnostic Diagnostic)> Errors(IEnumerable<Diagnostic> diagnostics, int offset, int length) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => (Math.Clamp(d.Location.SourceSpan.Start + offset, 0, length), d))
            .ToList();

    private static int FirstPosition(List<(int Position, Diagnostic Diagnostic)> errors) =>
        errors.Count == 0 ? int.MaxValue : errors.Min(e => e.Position);
}
