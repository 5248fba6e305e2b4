namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>The dispatcher's bookkeeping of one outbox message: who holds it until when (ms), and failed attempts.</summary>
internal sealed record OutboxState(string Id, string? Owner, long? Until, int Attempts, string? LastError)
{
    public bool IsFree(DateTimeOffset now) => Until is null || Until <= now.ToUnixTimeMilliseconds();
}
