namespace SakipServerless.Core.Templates;

/// <summary>In which periods a step takes part; a step that does not match is skipped.</summary>
public enum StepWhen
{
    Always,

    /// <summary>Runs for Q2 and Q4 (semester reports).</summary>
    SemesterEnd,

    /// <summary>Runs for Q4 only (the yearly report).</summary>
    YearEnd,
}
