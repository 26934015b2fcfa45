using Microsoft.Extensions.Logging;

namespace RulesEngine.Core.Expressions.CSharp;

internal static partial class Log
{
    [LoggerMessage(EventId = 1101, EventName = "ScriptsCompiled", Level = LogLevel.Debug,
        Message = "Compiled {ScriptCount} C# scripts ({ContentHash}): success {Success}, {ErrorCount} errors, {ElapsedMs:F0} ms")]
    public static partial void ScriptsCompiled(ILogger logger, string contentHash, int scriptCount, bool success, int errorCount, double elapsedMs);
}
