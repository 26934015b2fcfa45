namespace RulesEngine.Core.Sdk;

/// <summary>Untyped view of an activity output.</summary>
public abstract class Output
{
    /// <summary>Id of the workflow variable the output is written to, when bound.</summary>
    public string? MemoryReferenceId { get; internal set; }

    public abstract Type ValueType { get; }
}

/// <summary>An activity output of type <typeparamref name="T"/>. Write it with <c>context.Set(output, value)</c>.</summary>
public sealed class Output<T> : Output
{
    public override Type ValueType => typeof(T);
}
