namespace SakipServerless.Core.Tests.Support;

/// <summary>One rule an instance breaks: where it breaks it (a JSON path such as <c>$.steps[4].duration</c>) and why.</summary>
public sealed record SchemaError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
