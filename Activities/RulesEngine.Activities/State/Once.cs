using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.State;

/// <summary>Lets a key through the first time it is seen in the tenant, durably: "send the invitation once per application".</summary>
[Activity("RulesEngine.Once", Category = "Rules", DisplayName = "Once", Kind = ActivityKind.Flow, Outcomes = ["First", "Again"],
    Description = "Continues through First the first time the key is seen (per tenant and scope), through Again afterwards.")]
public sealed class Once(IDurableState state) : Activity
{
    [Input(Description = "What must happen only once, e.g. the application id.", DefaultSyntax = "CSharp", Required = true)]
    public Input<string> Key { get; set; } = new(string.Empty);

    [Input(Description = "Groups keys; default: the workflow definition id.")]
    public Input<string> Scope { get; set; } = new(string.Empty);

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var key = context.Get(Key);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException("input 'key' is empty: Once needs something to remember");
        }

        var scope = context.Get(Scope) is { Length: > 0 } s ? s : context.DefinitionId;
        var first = await state.TryAddOnceAsync(context.TenantId, "once:" + scope, key, cancellationToken).ConfigureAwait(false);
        context.Complete(first ? "First" : "Again");
    }
}
