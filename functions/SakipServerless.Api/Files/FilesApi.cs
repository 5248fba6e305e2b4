using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Hosting.OpenApi;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Files;

/// <summary>
/// Evidence files of a run: upload in one request (multipart field <c>file</c>, or the raw body with <c>?fileName=</c>),
/// list, and download. Large files on weak connections go through <see cref="UploadSessionsApi"/> instead.
/// </summary>
public static class FilesApi
{
    /// <summary>Multipart framing (boundary lines, part headers, small extra fields) allowed on top of the file.</summary>
    public const long MultipartOverhead = 256 * 1024;

    private const int MaxFieldBytes = 16 * 1024;
    private const int MaxBoundaryLength = 70;

    public static RouteGroupBuilder MapFilesApi(this RouteGroupBuilder api)
    {
        var options = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<EvidenceOptions>>().Value;
        var files = api.MapGroup("/runs/{runId}/files").WithTags("Files");
        files.MapPost("/", UploadAsync)
            .WithMetadata(new UploadBodyLimit(options.MaxFileBytes + MultipartOverhead))
            .RequireRateLimiting(RateLimitPolicies.Upload)
            .DocumentsFileBody("multipart/form-data dengan isian 'file', atau isi berkas apa adanya dengan ?fileName=nama.pdf.")
            .WithSummary("Mengunggah satu bukti dukung ke pelaksanaan SOP (PDF, Word, Excel, JPG/PNG, CSV; paling besar 25 MB, dapat diatur). "
                + "Jenis diperiksa dari isi berkas, bukan dari nama atau Content-Type. Jawaban 201 {id, fileName, size, sha256, contentType, uploadedAt}; "
                + "berkas yang sama persis dengan nama yang sama dijawab 200 dengan berkas yang sudah ada. Untuk berkas besar atau koneksi lemah gunakan /uploads.");
        files.MapGet("/", ListAsync).WithSummary("Daftar bukti dukung pelaksanaan SOP");
        files.MapGet("/{fileId}", DownloadAsync)
            .WithSummary("Mengunduh bukti dukung (sebagai lampiran; Range didukung untuk melanjutkan unduhan). Setiap unduhan tercatat di riwayat pelaksanaan SOP.");
        return api;
    }

    private static async Task<IResult> UploadAsync(string runId, string? fileName, HttpContext http, CurrentUser me, IRunStore runs, IFileStore store,
        EvidenceUploader uploader, ILogger<EvidenceUploader> log, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var options = uploader.Options;
        var (run, denied) = await RunFileAccess.ForUploadAsync(user, runId, runs, options, ct);
        if (run is null)
        {
            return denied!;
        }

        string stagingKey = EvidenceUploader.NewStagingKey(user.TenantId);
        try
        {
            AllowBody(http, options.MaxFileBytes + MultipartOverhead);
            if (http.Request.ContentLength > options.MaxFileBytes + MultipartOverhead)
            {
                throw new UploadRejectedException(StatusCodes.Status413PayloadTooLarge, "file-too-large", SizeLimitedStream.TooLargeFile(options.MaxFileBytes));
            }

            var (name, declared, observed) = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var media) && media.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
                ? await StageMultipartAsync(http.Request, media, stagingKey, store, uploader, ct)
                : await StageRawAsync(http.Request, fileName, stagingKey, store, uploader, ct);

            var (file, created) = await uploader.StoreAsync(user, run, stagingKey, name, declared, null, observed, ct);
            var view = EvidenceFileView.From(file);
            return created ? TypedResults.Created($"/api/runs/{run.Id}/files/{file.Id}", view) : TypedResults.Ok(view);
        }
        catch (UploadRejectedException e)
        {
            FilesLog.Rejected(log, runId, user.TenantId, user.Id, e.Code, e.Status);
            return e.ToProblem();
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            FilesLog.Rejected(log, runId, user.TenantId, user.Id, "upload-aborted", 499);
            return SizeLimitedStream.Interrupted().ToProblem(); // nobody is listening; nothing was kept
        }
        finally
        {
            // Promotion moved the bytes away; anything still staged belongs to a refused or broken upload.
            await store.DeleteStagedAsync(stagingKey, CancellationToken.None);
        }
    }

    private static async Task<(string Name, string? Declared, ObservedContent Observed)> StageRawAsync(HttpRequest request, string? fileName, string stagingKey, IFileStore store,
        EvidenceUploader uploader, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                "Kirim berkas sebagai multipart/form-data (isian 'file') atau sebagai isi permintaan apa adanya dengan ?fileName=.");
        }

        if (fileName is null)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "file-name-invalid",
                "Untuk unggahan tanpa multipart, sebutkan nama berkas di ?fileName= (mis. ?fileName=laporan-tw1.pdf).");
        }

        string name = uploader.RequireName(fileName);
        using var observer = new ContentObserver(uploader.TypeOf(name));
        var body = new SizeLimitedStream(request.Body, uploader.Options.MaxFileBytes, SizeLimitedStream.TooLargeFile(uploader.Options.MaxFileBytes));
        long stored = await StageObservedAsync(store, stagingKey, body, observer, ct);
        if (request.ContentLength is { } declaredLength && declaredLength != stored)
        {
            throw SizeLimitedStream.Interrupted();
        }

        return (name, request.ContentType, observer.Finish());
    }

    /// <summary>Stages <paramref name="body"/> while <paramref name="observer"/> sees every byte; returns the staged length.</summary>
    private static async Task<long> StageObservedAsync(IFileStore store, string stagingKey, Stream body, ContentObserver observer, CancellationToken ct)
    {
        var observing = new ObservingStream(body, observer);
        long stored;
        try
        {
            stored = await store.AppendStagedAsync(stagingKey, 0, observing, ct);
        }
        catch
        {
            // The caller disposes the observer: never while a chunk is still being observed.
            await observing.CompleteAsync().ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        await observing.CompleteAsync();
        return stored;
    }

    /// <summary>
    /// Streams the part named <c>file</c> straight into staging while reading the body once, front to back; other small
    /// fields are skipped. The body must end with its closing boundary: a truncated body is an interrupted upload.
    /// </summary>
    private static async Task<(string Name, string? Declared, ObservedContent Observed)> StageMultipartAsync(HttpRequest request, MediaTypeHeaderValue media, string stagingKey,
        IFileStore store, EvidenceUploader uploader, CancellationToken ct)
    {
        string boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value ?? "";
        if (!media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) || boundary.Length is 0 or > MaxBoundaryLength)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "multipart-invalid",
                "Isi permintaan harus multipart/form-data dengan boundary yang sah (paling panjang 70 karakter).");
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        string? name = null;
        string? declared = null;
        ObservedContent? observed = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    throw new UploadRejectedException(StatusCodes.Status400BadRequest, "multipart-invalid",
                        "Setiap bagian multipart harus memiliki Content-Disposition: form-data.");
                }

                if (HeaderUtilities.RemoveQuotes(disposition.Name).Value != "file" || !disposition.IsFileDisposition())
                {
                    await SkipFieldAsync(section.Body, ct);
                    continue;
                }

                if (name is not null)
                {
                    throw new UploadRejectedException(StatusCodes.Status400BadRequest, "multipart-invalid", "Kirim satu berkas per unggahan (isian 'file' hanya satu).");
                }

                string? raw = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                name = uploader.RequireName(raw);
                declared = section.ContentType;
                var body = new SizeLimitedStream(section.Body, uploader.Options.MaxFileBytes, SizeLimitedStream.TooLargeFile(uploader.Options.MaxFileBytes));
                using var observer = new ContentObserver(uploader.TypeOf(name));
                await StageObservedAsync(store, stagingKey, body, observer, ct);
                observed = observer.Finish();
            }
        }
        catch (IOException e) when (e is not BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            throw SizeLimitedStream.Interrupted();
        }
        catch (InvalidDataException)
        {
            // Part headers over the limits, or a malformed part.
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "multipart-invalid", "Bagian multipart tidak dapat dibaca (header terlalu panjang atau rusak).");
        }

        return name is null || observed is null
            ? throw new UploadRejectedException(StatusCodes.Status400BadRequest, "file-missing", "Isian 'file' tidak ada; pilih berkas yang akan diunggah.")
            : (name, declared, observed);
    }

    private static async Task SkipFieldAsync(Stream field, CancellationToken ct)
    {
        var buffer = new byte[4096];
        long total = 0;
        int read;
        while ((read = await field.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > MaxFieldBytes)
            {
                throw new UploadRejectedException(StatusCodes.Status400BadRequest, "multipart-invalid",
                    "Isian selain 'file' terlalu besar; kirim berkas hanya melalui isian 'file'.");
            }
        }
    }

    /// <summary>Raises the server's body limit for this request where the server has one (Kestrel); our own count holds everywhere.</summary>
    internal static void AllowBody(HttpContext http, long bytes)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = bytes;
        }
    }

    private static async Task<IResult> ListAsync(string runId, CurrentUser me, IRunStore runs, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var (run, denied) = await RunFileAccess.ForReadingAsync(user, runId, runs, ct);
        return run is null ? denied! : TypedResults.Ok(run.Evidence.Select(EvidenceFileView.From).ToList());
    }

    private static async Task<IResult> DownloadAsync(string runId, string fileId, HttpContext http, CurrentUser me, IRunStore runs, IFileStore store,
        EvidenceLedger ledger, ILogger<EvidenceUploader> log, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var (run, denied) = await RunFileAccess.ForReadingAsync(user, runId, runs, ct);
        if (run is null)
        {
            return denied!;
        }

        var file = run.FindEvidence(fileId);
        if (file is null)
        {
            return Problems.NotFound($"Berkas '{fileId}' tidak ada pada pelaksanaan SOP ini.");
        }

        var content = await store.OpenReadAsync(file.StorageKey, ct);
        if (content is null)
        {
            FilesLog.BytesMissing(log, file.Id, run.Id, run.TenantId, file.StorageKey);
            return Problems.Create(StatusCodes.Status404NotFound, "file-bytes-missing",
                $"Isi berkas {file.FileName} tidak ditemukan di penyimpanan. Hubungi administrator; catatan unggahannya tetap ada di riwayat pelaksanaan SOP.");
        }

        try
        {
            // A resumed download (Range from a later byte) continues one this user already has in the history.
            bool continuation = StartsPastZero(http.Request)
                && run.History.Any(e => e.Type == Core.Runs.RunEventType.EvidenceDownloaded && e.FileId == file.Id && e.ActorId == user.Id);
            if (!continuation)
            {
                await ledger.RecordDownloadAsync(user, run.Id, file.Id, ct);
                FilesLog.Downloaded(log, file.Id, run.Id, run.TenantId, user.Id);
            }
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, no-store";
        headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
        return TypedResults.File(content, file.ContentType, file.FileName, enableRangeProcessing: true);
    }

    /// <summary>True for <c>Range: bytes=N-…</c> with N above zero; suffix ranges (<c>bytes=-N</c>) may cover the whole file.</summary>
    private static bool StartsPastZero(HttpRequest request)
    {
        string? range = request.Headers.Range;
        if (range is null || !range.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string first = range[6..].Split(',')[0].Trim();
        int dash = first.IndexOf('-');
        return dash > 0 && long.TryParse(first[..dash], out long start) && start > 0;
    }
}
