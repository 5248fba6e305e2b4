using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Files;

/// <summary>An evidence file as the API shows it (the storage key stays inside).</summary>
public sealed record EvidenceFileView(string Id, string FileName, long Size, string Sha256, string ContentType, DateTimeOffset UploadedAt, string UploadedBy)
{
    public static EvidenceFileView From(EvidenceFile f) => new(f.Id, f.FileName, f.Size, f.Sha256, f.ContentType, f.UploadedAt, f.UploadedBy);
}
