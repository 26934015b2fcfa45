namespace RulesEngine.Persistence.Tokens;

/// <summary>A freshly issued token. <see cref="Plaintext"/> exists only here: the database keeps its hash.</summary>
public sealed class IssuedApiToken(ApiToken token, string plaintext)
{
    public ApiToken Token { get; } = token;

    public string Plaintext { get; } = plaintext;

    // The default ToString would not print the secret, but say so explicitly for anyone adding a record later.
    public override string ToString() => $"{Token.Prefix}… ({Token.Id})";
}
