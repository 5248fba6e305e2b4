using SakipServerless.Dashboard.Api.Models;

namespace SakipServerless.Dashboard.Charts;

/// <summary>One colour per step state, shared by the charts and the flowchart (app.css uses the same values).</summary>
public static class StateColors
{
    public static string Of(StepState state) => state switch
    {
        StepState.Done => "#2e7d32",
        StepState.Active => "#1e88e5",
        StepState.Late => "#fb8c00",
        StepState.Escalated => "#c62828",
        StepState.Returned => "#8e24aa",
        StepState.Skipped => "#eceff1",
        StepState.Stopped => "#616161",
        _ => "#b0bec5",
    };

    /// <summary>A lighter fill for shapes whose outline carries <see cref="Of"/>.</summary>
    public static string FillOf(StepState state) => state switch
    {
        StepState.Done => "#e8f5e9",
        StepState.Active => "#e3f2fd",
        StepState.Late => "#fff3e0",
        StepState.Escalated => "#ffebee",
        StepState.Returned => "#f3e5f5",
        StepState.Skipped => "#fafafa",
        StepState.Stopped => "#eeeeee",
        _ => "#f5f7f8",
    };
}
