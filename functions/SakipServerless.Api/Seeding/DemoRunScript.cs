using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Seeding;

/// <summary>How the demo people behave in one run, and the point at which they stop so the run is left mid-flight.</summary>
internal sealed record DemoRunScript
{
    /// <summary>The state the run must be in at the app clock's now; the start time is searched until it is.</summary>
    public required DemoRunState Target { get; init; }

    /// <summary>The collect step's assignee returns the first submission it reviews, with a reason.</summary>
    public bool ReturnFirstUnit { get; init; }

    /// <summary>The first review step returns the work once before approving it.</summary>
    public bool ReturnFirstReview { get; init; }

    /// <summary>A unit that never sends its data, so its task escalates to the head of the OPD.</summary>
    public string? HeldUnitId { get; init; }

    /// <summary>A unit that sends its data only after its due time (late, level 1), so on-time rates are not all 100 %.</summary>
    public string? LateUnitId { get; init; }

    /// <summary>Stop acting once this holds; null plays the run to completion.</summary>
    public Func<SopRun, bool>? StopWhen { get; init; }
}
