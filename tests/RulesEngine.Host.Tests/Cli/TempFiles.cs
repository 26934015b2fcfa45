namespace RulesEngine.Host.Tests.Cli;

/// <summary>A scratch folder for workflow files, deleted afterwards.</summary>
internal sealed class TempFiles : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("rulesengine-cli-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
