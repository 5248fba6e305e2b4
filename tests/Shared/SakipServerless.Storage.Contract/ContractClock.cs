namespace SakipServerless.Storage.Contract;

/// <summary>
/// The time the contract's scenarios happen at, for adapters that read a clock when they write (the Cosmos due index
/// files an already-passed deadline under the hour it is written in).
/// </summary>
public sealed class ContractClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
