using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Hosting.OpenApi;
using SakipServerless.Api.MasterData;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Files;

/// <summary>
/// Resumable uploads for large files and weak connections: start an upload, send chunks with <c>Content-Range</c>, ask
/// where to continue after a dropped connection, commit. The committed file goes through the same checks as a direct
/// upload. Only the user who started an upload can see or continue it; unfinished uploads expire.
/// </summary>
public static partial class UploadSessionsApi
{
    public static RouteGroupBuilder MapUploadSessionsApi(this RouteGroupBuilder api)
    {
        var options = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<EvidenceOptions>>().Value;
        var uploads = api.MapGroup("/runs/{runId}/uploads").WithTags("Files");
        uploads.MapPost("/", CreateAsync).RequireRateLimiting(RateLimitPolicies.Upload).DocumentsJsonBody<CreateUploadRequest>()
            .WithSummary("Unggahan bertahap, langkah 1: mulai dengan {fileName, size, contentType?, sha256?}; jawaban 201 memuat id, offset 0 dan maxChunkBytes. "
                + "Langkah 2: PUT /uploads/{id} tiap potongan dengan Content-Range: bytes awal-akhir/size. Bila koneksi putus, GET /uploads/{id} memberi offset "
                + "untuk melanjutkan (409 juga memuat offset). Langkah 3: POST /uploads/{id}/commit menyimpan berkas (201 seperti unggahan langsung). "
                + "Unggahan yang tidak selesai kedaluwarsa (24 jam, dapat diatur).");
        uploads.MapGet("/{uploadId}", GetAsync).WithSummary("Keadaan unggahan bertahap: offset (byte yang sudah diterima) untuk melanjutkan");
        uploads.MapPut("/{uploadId}", PutChunkAsync)
            .WithMetadata(new UploadBodyLimit(options.MaxChunkBytes))
            .RequireRateLimiting(RateLimitPolicies.Upload)
            .DocumentsChunkBody()
            .WithSummary("Mengirim satu potongan di posisi offset (Content-Range: bytes awal-akhir/size); 409 dengan offset bila posisinya tidak menyambung");
        uploads.MapPost("/{uploadId}/commit", CommitAsync).RequireRateLimiting(RateLimitPolicies.Upload).DocumentsNoBody()
            .WithSummary("Menyelesaikan unggahan bertahap: isi diperiksa lalu disimpan sebagai bukti dukung (201); mengulang commit memberi berkas yang sama");
        uploads.MapDelete("/{uploadId}", CancelAsync).WithSummary("Membatalkan unggahan bertahap dan membuang potongan yang sudah diterima");
        return api;
    }

    private static async Task<IResult> CreateAsync(string runId, HttpRequest http, CurrentUser me, IRunStore runs, IDocumentStore documents,
        EvidenceUploader uploader, TimeProvider clock, ILogger<EvidenceUploader> log, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var options = uploader.Options;
        var (run, denied) = await RunFileAccess.ForUploadAsync(user, runId, runs, options, ct);
        if (run is null)
        {
            return denied!;
        }

        var (body, problem) = await JsonBody.ReadAsync<CreateUploadRequest>(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        string? name = EvidenceFileName.Clean(body!.FileName, out string nameError);
        if (name is null)
        {
            errors.Add("fileName", nameError);
        }

        if (body.Size is not > 0)
        {
            errors.Add("size", "Ukuran berkas (size, dalam byte) wajib diisi dan lebih dari 0.");
        }

        string? sha = body.Sha256?.Trim().ToLowerInvariant();
        if (sha is not null && !Sha256Pattern().IsMatch(sha))
        {
            errors.Add("sha256", "sha256 harus berupa 64 karakter heksadesimal.");
        }

        if (body.ContentType is { Length: > 200 })
        {
            errors.Add("contentType", "contentType paling banyak 200 karakter.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        try
        {
            name = uploader.RequireName(name);
            var type = EvidenceTypes.ForFileName(name, options.AllowZip)!;
            if (!EvidenceTypes.Fits(type, body.ContentType))
            {
                throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "declared-type-mismatch",
                    $"Jenis berkas yang dinyatakan ({EvidenceTypes.MediaType(body.ContentType)}) tidak sesuai dengan nama berkasnya ({type.Label}).");
            }

            if (body.Size > options.MaxFileBytes)
            {
                throw new UploadRejectedException(StatusCodes.Status413PayloadTooLarge, "file-too-large", SizeLimitedStream.TooLargeFile(options.MaxFileBytes));
            }
        }
        catch (UploadRejectedException e)
        {
            FilesLog.Rejected(log, runId, user.TenantId, user.Id, e.Code, e.Status);
            return e.ToProblem();
        }

        var now = clock.GetUtcNow();
        var session = new UploadSession
        {
            Id = "upload-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            TenantId = user.TenantId,
            RunId = run.Id,
            UserId = user.Id,
            FileName = name,
            Size = body.Size!.Value,
            DeclaredContentType = EvidenceTypes.MediaType(body.ContentType),
            Sha256 = sha,
            CreatedAt = now,
            ExpiresAt = now.AddHours(options.UploadSessionHours),
        };
        await documents.PutAsync(user.TenantId, DocumentKinds.UploadSession, session.Id, session, ct);
        FilesLog.SessionStarted(log, session.Id, run.Id, user.TenantId, user.Id, session.Size);
        return TypedResults.Created($"/api/runs/{run.Id}/uploads/{session.Id}", UploadSessionView.From(session, 0, options.MaxChunkBytes));
    }

    private static async Task<IResult> GetAsync(string runId, string uploadId, CurrentUser me, IDocumentStore documents, IFileStore store,
        EvidenceUploader uploader, TimeProvider clock, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var (session, problem) = await LoadAsync(user, runId, uploadId, documents, clock, ct);
        if (session is null)
        {
            return problem!;
        }

        long offset = session.FileId is null ? await OffsetAsync(session, store, ct) : session.Size;
        return TypedResults.Ok(UploadSessionView.From(session, offset, uploader.Options.MaxChunkBytes));
    }

    private static async Task<IResult> PutChunkAsync(string runId, string uploadId, HttpContext http, CurrentUser me, IRunStore runs, IDocumentStore documents,
        IFileStore store, EvidenceUploader uploader, TimeProvider clock, ILogger<EvidenceUploader> log, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var options = uploader.Options;
        var (session, problem) = await LoadAsync(user, runId, uploadId, documents, clock, ct);
        if (session is null)
        {
            return problem!;
        }

        var (run, denied) = await RunFileAccess.ForUploadAsync(user, runId, runs, options, ct);
        if (run is null)
        {
            return denied!;
        }

        if (session.FileId is not null)
        {
            return Problems.Conflict("upload-committed", "Unggahan ini sudah diselesaikan; berkasnya ada di daftar bukti dukung pelaksanaan SOP.", new Dictionary<string, object?> { ["fileId"] = session.FileId });
        }

        var range = ContentRange.Parse(http.Request.Headers.ContentRange);
        if (range is null || range.Total != session.Size)
        {
            return Problems.BadRequest("content-range-invalid",
                $"Header Content-Range wajib berbentuk 'bytes awal-akhir/{session.Size}' (posisi byte, akhir termasuk, mulai dari 0).");
        }

        if (range.Length > options.MaxChunkBytes)
        {
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "chunk-too-large",
                $"Satu potongan paling besar {Core.Runs.IndonesianFormat.Size(options.MaxChunkBytes)}; kirim potongan yang lebih kecil.");
        }

        if (http.Request.ContentLength is { } length && length != range.Length)
        {
            return Problems.BadRequest("content-range-invalid", $"Panjang isi ({length} byte) tidak sama dengan Content-Range ({range.Length} byte).");
        }

        long offset = await OffsetAsync(session, store, ct);
        if (range.First != offset)
        {
            return OffsetConflict(offset);
        }

        FilesApi.AllowBody(http, options.MaxChunkBytes);
        var body = new SizeLimitedStream(http.Request.Body, range.Length, "Isi potongan lebih panjang dari yang disebut Content-Range.", "chunk-too-large");
        try
        {
            offset = await store.AppendStagedAsync(session.StagingKey, range.First, body, ct);
        }
        catch (StagedOffsetMismatchException e)
        {
            return OffsetConflict(e.StagedLength);
        }
        catch (UploadRejectedException e)
        {
            // What arrived before the break is kept: the client continues from the offset in this answer.
            FilesLog.Rejected(log, runId, user.TenantId, user.Id, e.Code, e.Status);
            return Problems.Create(e.Status, e.Code, e.Message, new Dictionary<string, object?> { ["offset"] = await OffsetAsync(session, store, CancellationToken.None) });
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return SizeLimitedStream.Interrupted().ToProblem();
        }

        if (offset != range.Last + 1)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "upload-interrupted",
                "Potongan terputus sebelum lengkap; lanjutkan dari offset yang tercantum.", new Dictionary<string, object?> { ["offset"] = offset });
        }

        FilesLog.ChunkStored(log, session.Id, offset, session.Size);
        return TypedResults.Ok(UploadSessionView.From(session, offset, options.MaxChunkBytes));
    }

    private static async Task<IResult> CommitAsync(string runId, string uploadId, CurrentUser me, IRunStore runs, IDocumentStore documents, IFileStore store,
        EvidenceUploader uploader, TimeProvider clock, ILogger<EvidenceUploader> log, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var (session, problem) = await LoadAsync(user, runId, uploadId, documents, clock, ct);
        if (session is null)
        {
            return problem!;
        }

        if (session.FileId is not null)
        {
            var (committedRun, readDenied) = await RunFileAccess.ForReadingAsync(user, runId, runs, ct);
            return committedRun?.FindEvidence(session.FileId) is { } committed ? TypedResults.Ok(EvidenceFileView.From(committed)) : readDenied ?? Problems.NotFound("Berkas unggahan ini tidak ada lagi pada pelaksanaan SOP.");
        }

        var (run, denied) = await RunFileAccess.ForUploadAsync(user, runId, runs, uploader.Options, ct);
        if (run is null)
        {
            return denied!;
        }

        long offset = await OffsetAsync(session, store, ct);
        if (offset != session.Size)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "upload-incomplete",
                $"Baru {offset} dari {session.Size} byte yang diterima; kirim sisanya sebelum menyelesaikan unggahan.", new Dictionary<string, object?> { ["offset"] = offset });
        }

        try
        {
            var (file, created) = await uploader.StoreAsync(user, run, session.StagingKey, session.FileName, session.DeclaredContentType, session.Sha256, null, ct);
            await documents.PutAsync(user.TenantId, DocumentKinds.UploadSession, session.Id, session with { FileId = file.Id }, ct);
            var view = EvidenceFileView.From(file);
            return created ? TypedResults.Created($"/api/runs/{run.Id}/files/{file.Id}", view) : TypedResults.Ok(view);
        }
        catch (UploadRejectedException e)
        {
            // The content itself is refused: keeping its bytes would only let the same refusal happen again.
            FilesLog.Rejected(log, runId, user.TenantId, user.Id, e.Code, e.Status);
            await store.DeleteStagedAsync(session.StagingKey, CancellationToken.None);
            await documents.DeleteAsync(user.TenantId, DocumentKinds.UploadSession, session.Id, CancellationToken.None);
            return e.ToProblem();
        }
    }

    private static async Task<IResult> CancelAsync(string runId, string uploadId, CurrentUser me, IDocumentStore documents, IFileStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var (session, problem) = await LoadAsync(user, runId, uploadId, documents, clock, ct);
        if (session is null)
        {
            return problem!;
        }

        await store.DeleteStagedAsync(session.StagingKey, ct);
        await documents.DeleteAsync(user.TenantId, DocumentKinds.UploadSession, session.Id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<(UploadSession? Session, IResult? Problem)> LoadAsync(AppUser user, string runId, string uploadId, IDocumentStore documents,
        TimeProvider clock, CancellationToken ct)
    {
        var session = await documents.GetAsync<UploadSession>(user.TenantId, DocumentKinds.UploadSession, uploadId, ct);
        if (session is null || session.RunId != runId || session.UserId != user.Id)
        {
            return (null, Problems.NotFound("Unggahan ini tidak ditemukan (atau dimulai oleh pengguna lain)."));
        }

        if (session.FileId is null && session.ExpiresAt <= clock.GetUtcNow())
        {
            return (null, Problems.Create(StatusCodes.Status404NotFound, "upload-expired", "Unggahan ini sudah kedaluwarsa; mulai unggahan baru."));
        }

        return (session, null);
    }

    private static async Task<long> OffsetAsync(UploadSession session, IFileStore store, CancellationToken ct) =>
        await store.GetStagedLengthAsync(session.StagingKey, ct) ?? 0;

    private static IResult OffsetConflict(long offset) =>
        Problems.Create(StatusCodes.Status409Conflict, "offset-mismatch",
            $"Potongan ini tidak menyambung: server sudah menerima {offset} byte. Lanjutkan dari offset {offset}.", new Dictionary<string, object?> { ["offset"] = offset });

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Pattern();
}
