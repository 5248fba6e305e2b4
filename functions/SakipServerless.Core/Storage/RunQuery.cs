using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;

namespace SakipServerless.Core.Storage;

/// <summary>A filter over the runs of one tenant.</summary>
public sealed record RunQuery(string TenantId)
{
    public string? OpdId { get; init; }

    public Period? Period { get; init; }

    public int? Year { get; init; }

    public RunStatus? Status { get; init; }

    /// <summary>Only runs with a step or unit task past its due time at <see cref="Now"/>.</summary>
    public bool LateOnly { get; init; }

    public DateTimeOffset? Now { get; init; }
}
