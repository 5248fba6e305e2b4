namespace SakipServerless.Importer.Steps;

/// <summary>The signs a flowchart leaves in a Pelaksana cell when exported as text.</summary>
[Flags]
internal enum MarkerKind
{
    None = 0,

    /// <summary>A checkbox, tick, cross or dot: the column acts.</summary>
    Check = 1,
    Start = 2,
    End = 4,

    /// <summary>"Ya": the approval branch of a decision passes here.</summary>
    Yes = 8,

    /// <summary>"Tidak": the return branch of a decision passes here.</summary>
    No = 16,
    ArrowRight = 32,
    ArrowLeft = 64,
    ArrowUp = 128,
    ArrowDown = 256,

    /// <summary>A decision diamond.</summary>
    Decision = 512,

    /// <summary>Other text in an actor cell: read as a mark, with a warning.</summary>
    Text = 1024,
}
