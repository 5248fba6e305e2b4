using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Files;

/// <summary>
/// The one way staged bytes become evidence, for direct and resumable uploads alike: inspect, promote under a
/// server-chosen key, record in the run's history.
/// </summary>
/// <remarks>
/// The bytes are promoted before the history is written and removed again if that write fails, so a file is listed
/// and served only once both exist. A crash between the two leaves bytes no run refers to; they are never served
/// (downloads go through the run's list) and cost only disk space.
/// </remarks>
public sealed class EvidenceUploader(IFileStore files, EvidenceInspector inspector, EvidenceLedger ledger, IOptions<EvidenceOptions> options,
    TimeProvider clock, ILogger<EvidenceUploader> log)
{
    public EvidenceOptions Options => options.Value;

    /// <summary>A fresh staging key for a direct upload of the user's tenant.</summary>
    public static string NewStagingKey(string tenantId) => $"{tenantId}/direct-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";

    /// <summary>
    /// Checks the staged bytes and stores them as evidence of the run; Created is false for an identical earlier file.
    /// <paramref name="observed"/> is what was seen of the bytes while they streamed in (direct uploads), so they are
    /// not read whole a second time; null reads the staged file (uploads staged over several requests).
    /// </summary>
    public async Task<(EvidenceFile File, bool Created)> StoreAsync(AppUser user, SopRun run, string stagingKey, string fileName, string? declaredType,
        string? expectedSha256, ObservedContent? observed, CancellationToken ct)
    {
        InspectedFile inspected;
        await using (var staged = await files.OpenStagedAsync(stagingKey, ct))
        {
            inspected = observed is null
                ? await inspector.InspectAsync(staged, fileName, declaredType, ct)
                : await inspector.InspectAsync(staged, fileName, declaredType, observed, ct);
        }

        if (expectedSha256 is not null && !string.Equals(expectedSha256, inspected.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "checksum-mismatch",
                "Isi berkas yang diterima berbeda dengan SHA-256 yang dinyatakan; sebagian data rusak di perjalanan. Mulai unggahan ulang dari awal.");
        }

        string id = "file-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
        string key = $"{run.TenantId}/{run.Id}/{id}";
        await files.PromoteAsync(stagingKey, key, ct);
        var file = new EvidenceFile
        {
            Id = id,
            FileName = fileName,
            Size = inspected.Size,
            Sha256 = inspected.Sha256,
            ContentType = inspected.Type.ContentType,
            UploadedAt = clock.GetUtcNow(),
            UploadedBy = user.Id,
            StorageKey = key,
        };

        EvidenceFile recorded;
        try
        {
            recorded = await ledger.RecordUploadAsync(user, run.Id, file, options.Value.MaxFilesPerRun, ct);
        }
        catch (Exception e)
        {
            FilesLog.Compensated(log, e, id, run.Id);
            await files.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        if (recorded.Id != id)
        {
            await files.DeleteAsync(key, CancellationToken.None); // the same bytes under the same name are already there
            return (recorded, false);
        }

        FilesLog.Stored(log, id, file.Size, file.ContentType, run.Id, run.TenantId, user.Id);
        return (file, true);
    }

    /// <summary>The evidence type an allowed name stands for.</summary>
    public EvidenceType TypeOf(string allowedName) => inspector.RequireAllowedName(allowedName, options.Value.AllowZip);

    /// <summary>The request's name cleaned, with an allowed extension; refused before any byte is stored.</summary>
    public string RequireName(string? raw)
    {
        string? name = EvidenceFileName.Clean(raw, out string error)
            ?? throw new UploadRejectedException(StatusCodes.Status400BadRequest, "file-name-invalid", error);
        inspector.RequireAllowedName(name, options.Value.AllowZip);
        return name;
    }
}
