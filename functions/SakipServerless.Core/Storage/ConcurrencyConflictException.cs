namespace SakipServerless.Core.Storage;

/// <summary>The stored run changed since it was read (its version moved on); the caller reloads and decides again.</summary>
public sealed class ConcurrencyConflictException(string runId, int expectedVersion)
    : Exception($"Pelaksanaan SOP {runId} telah berubah sejak dibaca (versi {expectedVersion} tidak lagi terbaru).")
{
    public string RunId { get; } = runId;

    public int ExpectedVersion { get; } = expectedVersion;
}
