namespace SakipServerless.Api.Files;

/// <summary>The kinds of evidence the allow-list admits, each recognised by its content.</summary>
public enum EvidenceKind
{
    Pdf,
    Docx,
    Xlsx,
    Doc,
    Xls,
    Jpeg,
    Png,
    Csv,
    Zip,
}
