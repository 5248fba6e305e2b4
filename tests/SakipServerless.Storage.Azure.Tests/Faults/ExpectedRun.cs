using SakipServerless.Core.Runs;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// What a run must look like after a faulty scenario: the same commands applied in memory without storage (the
/// shadow), and the idempotency keys of every command whose sender was told it happened.
/// </summary>
public sealed class ExpectedRun(string tenantId, SopRun shadow)
{
    public string TenantId { get; } = tenantId;

    public string RunId => Shadow.Id;

    public SopRun Shadow { get; } = shadow;

    public List<string> AcknowledgedKeys { get; } = [];

    /// <summary>How many of the script's commands have been acknowledged (the next one to send).</summary>
    public int NextCommand { get; set; }
}
