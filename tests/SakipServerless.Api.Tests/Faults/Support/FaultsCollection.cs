namespace SakipServerless.Api.Tests.Faults.Support;

/// <summary>
/// The process-killing and CPU-heavy fault tests run alone (xunit runs this collection after the parallel ones), so
/// their time bound holds on a two-core machine and they do not slow the other tests down.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Faults";
}
