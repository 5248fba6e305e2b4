namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>A fault the handler injected: which request (its number among all requests seen), where, and what.</summary>
public sealed record InjectedFault(int Request, string Method, string Path, Fault Fault)
{
    public override string ToString() => $"#{Request} {Method} {Path}: {Fault}";
}
