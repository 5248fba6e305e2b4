namespace SakipServerless.Importer.Tests.Support.Docx;

/// <summary>How <see cref="SopDocxWriter"/> renders the marks of an export.</summary>
public sealed class SopDocxOptions
{
    /// <summary>Draw a checkbox of the export as a flowchart shape in the cell (as Word SOPs do) instead of a ☐ glyph.</summary>
    public bool CheckboxesAsShapes { get; init; } = true;

    /// <summary>Rule the procedure table's cells; without borders a PDF reader has only word positions to go by.</summary>
    public bool TableBorders { get; init; } = true;

    /// <summary>Centre every body cell vertically (No included), so a step's number sits mid-row rather than on its first line.</summary>
    public bool CentredRows { get; init; }

    internal int ShapeId { get; set; } = 1;
}
