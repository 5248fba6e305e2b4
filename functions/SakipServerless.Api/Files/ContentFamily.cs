namespace SakipServerless.Api.Files;

/// <summary>What the first bytes of a file say it is, before any deeper check.</summary>
public enum ContentFamily
{
    Unknown,
    Pdf,
    Png,
    Jpeg,

    /// <summary>OLE compound file: Word/Excel 97–2003, but also .msi installers and other containers.</summary>
    CompoundFile,

    /// <summary>ZIP container: docx/xlsx, plain archives, but also .jar/.apk.</summary>
    Zip,
    Executable,
    Script,
    Markup,
    OtherArchive,
    OtherImage,
    Heic,
}
