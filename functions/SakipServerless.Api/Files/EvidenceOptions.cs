using System.ComponentModel.DataAnnotations;

namespace SakipServerless.Api.Files;

/// <summary>Settings under <c>Sakip:Files</c>: where evidence lives, how large it may be, what archives may contain. Validated on start.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Sakip:Files";

    /// <summary><c>filesystem</c> (default, under the data folder) or <c>blob</c> (Azure Blob Storage).</summary>
    [RegularExpression("^(filesystem|blob)$", ErrorMessage = "Sakip:Files:Provider must be 'filesystem' or 'blob'.")]
    public string Provider { get; set; } = "filesystem";

    /// <summary>Folder of the filesystem store; empty means <c>files</c> beside the SQLite database (the data folder).</summary>
    public string? Root { get; set; }

    /// <summary>Blob provider: a storage connection string (Azurite, or an account key). Empty means managed identity with <see cref="BlobServiceUri"/>.</summary>
    public string? BlobConnectionString { get; set; }

    /// <summary>Blob provider with managed identity: the account's blob endpoint, e.g. https://sakipstore.blob.core.windows.net.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>Blob provider: the private container holding evidence.</summary>
    public string BlobContainer { get; set; } = "evidence";

    /// <summary>Largest evidence file accepted, in bytes (default 25 MB).</summary>
    [Range(1024, 2L * 1024 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Largest chunk of a resumable upload, in bytes; clients on slow links send smaller ones.</summary>
    [Range(16 * 1024, 64L * 1024 * 1024)]
    public long MaxChunkBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Plain .zip archives are refused unless a pemda's practice needs them.</summary>
    public bool AllowZip { get; set; }

    /// <summary>Zip-based files (docx, xlsx, zip) may not unpack to more than this (zip-bomb guard).</summary>
    [Range(1024 * 1024, 8L * 1024 * 1024 * 1024)]
    public long MaxUncompressedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest uncompressed/compressed ratio of one archive entry above 1 MB; real documents stay far below.</summary>
    [Range(10, 10_000)]
    public int MaxCompressionRatio { get; set; } = 200;

    [Range(1, 1_000_000)]
    public int MaxArchiveEntries { get; set; } = 10_000;

    /// <summary>Evidence files per run; bounds the run document, which lists them.</summary>
    [Range(1, 100_000)]
    public int MaxFilesPerRun { get; set; } = 500;

    /// <summary>How long a resumable upload may stay unfinished before it and its bytes are removed.</summary>
    [Range(1, 24 * 30)]
    public int UploadSessionHours { get; set; } = 24;

    /// <summary>Runs the clean-up of abandoned uploads in-process.</summary>
    public bool JanitorEnabled { get; set; } = true;

    [Range(1, 24 * 60)]
    public int JanitorIntervalMinutes { get; set; } = 60;
}
