namespace SakipServerless.Importer;

/// <summary>The kinds of SOP file the importer reads, told apart by their bytes (never by the file name).</summary>
public enum SopFileFormat
{
    /// <summary>Text exported from a word processor (tab-separated table cells).</summary>
    Text,

    /// <summary>Word document (Office Open XML).</summary>
    Docx,

    /// <summary>PDF with a text layer.</summary>
    Pdf,
}
