namespace SakipServerless.Core.Templates;

/// <summary>What a step does, which decides how the engine executes it.</summary>
public enum StepKind
{
    /// <summary>A leader's written instruction (disposisi) that dispatches work.</summary>
    Disposition,

    /// <summary>Ordinary work completed by its assignee.</summary>
    Task,

    /// <summary>Fans out one unit task per unit; completes when every unit's submission is accepted.</summary>
    Collect,

    /// <summary>A check that approves (moves on) or returns for rework to an earlier step.</summary>
    Review,

    /// <summary>Recapitulation of collected data.</summary>
    Rekap,

    /// <summary>A meeting or briefing (rapat, sosialisasi).</summary>
    Meeting,
}
