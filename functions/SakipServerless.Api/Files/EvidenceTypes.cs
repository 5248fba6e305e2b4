namespace SakipServerless.Api.Files;

/// <summary>The allow-list: pdf, docx, xlsx, doc, xls, jpg/jpeg, png and csv; zip only when <see cref="EvidenceOptions.AllowZip"/> is on.</summary>
public static class EvidenceTypes
{
    /// <summary>What clients send when they do not know the type; never held against a file.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/octet-stream", "binary/octet-stream", "application/binary", "application/unknown", "application/download", "application/force-download",
    };

    public static IReadOnlyList<EvidenceType> All { get; } =
    [
        new(EvidenceKind.Pdf, [".pdf"], "application/pdf", ["application/pdf", "application/x-pdf", "application/acrobat"], "PDF"),
        new(EvidenceKind.Docx, [".docx"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip", "application/x-zip-compressed"], "Word (.docx)"),
        new(EvidenceKind.Xlsx, [".xlsx"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip", "application/x-zip-compressed"], "Excel (.xlsx)"),
        new(EvidenceKind.Doc, [".doc"], "application/msword", ["application/msword", "application/vnd.ms-word", "application/vnd.ms-office", "application/x-msword"], "Word 97–2003 (.doc)"),
        new(EvidenceKind.Xls, [".xls"], "application/vnd.ms-excel",
            ["application/vnd.ms-excel", "application/msexcel", "application/x-msexcel", "application/x-excel", "application/x-ms-excel", "application/xls", "application/vnd.ms-office"],
            "Excel 97–2003 (.xls)"),
        new(EvidenceKind.Jpeg, [".jpg", ".jpeg"], "image/jpeg", ["image/jpeg", "image/jpg", "image/pjpeg"], "gambar JPG"),
        new(EvidenceKind.Png, [".png"], "image/png", ["image/png", "image/x-png"], "gambar PNG"),
        // Windows with Excel installed declares .csv as application/vnd.ms-excel.
        new(EvidenceKind.Csv, [".csv"], "text/csv",
            ["text/csv", "text/plain", "application/csv", "text/x-csv", "text/comma-separated-values", "application/vnd.ms-excel"], "CSV"),
        new(EvidenceKind.Zip, [".zip"], "application/zip", ["application/zip", "application/x-zip-compressed", "application/x-zip", "multipart/x-zip"], "arsip ZIP"),
    ];

    public static EvidenceType Of(EvidenceKind kind) => All.Single(t => t.Kind == kind);

    /// <summary>The type a file name's extension asks for, or null when the extension is not allowed.</summary>
    public static EvidenceType? ForFileName(string fileName, bool allowZip)
    {
        string extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = All.FirstOrDefault(t => t.Extensions.Contains(extension));
        return type is { Kind: EvidenceKind.Zip } && !allowZip ? null : type;
    }

    /// <summary>"PDF, Word (.doc, .docx), …" for messages.</summary>
    public static string Describe(bool allowZip) =>
        "PDF, Word (.doc, .docx), Excel (.xls, .xlsx), gambar JPG/PNG, CSV" + (allowZip ? ", ZIP" : "");

    /// <summary>True when the client declared nothing specific, or something that fits the type.</summary>
    public static bool Fits(EvidenceType type, string? declared)
    {
        string? media = MediaType(declared);
        return media is null || Generic.Contains(media) || type.DeclaredTypes.Contains(media, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The media type without parameters, or null when none was declared.</summary>
    public static string? MediaType(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return null;
        }

        int semicolon = declared.IndexOf(';');
        string media = (semicolon < 0 ? declared : declared[..semicolon]).Trim();
        return media.Length == 0 ? null : media;
    }
}
