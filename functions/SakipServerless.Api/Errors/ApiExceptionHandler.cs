using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Blobs;
using SakipServerless.Storage.Azure.Cosmos;

namespace SakipServerless.Api.Errors;

/// <summary>
/// Turns exceptions into problem+json: domain refusals keep their Indonesian message and code; unreadable bodies
/// become 400/413; storage that stays busy or unreachable after the adapters' retries a 503 with Retry-After; anything
/// unexpected a 500 that hides internals.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, code, detail, extra) = exception switch
        {
            DomainException d => (StatusFor(d.Kind), d.Code, d.Message, null),
            RunAlreadyExistsException r => (409, "run-exists", r.Message, new Dictionary<string, object?> { ["existingRunId"] = r.ExistingRunId }),
            UnauthorizedAccessException => (401, "unauthenticated", "Silakan masuk terlebih dahulu; sesi tidak dikenali.", null),
            ConcurrencyConflictException c => (409, "concurrency-conflict", c.Message + " Muat ulang data lalu coba lagi.", null),
            BadHttpRequestException b when b.StatusCode == 413 => (413, "body-too-large", "Data yang dikirim melebihi batas ukuran.", null),
            BadHttpRequestException b => (b.StatusCode, "bad-request", "Isi permintaan tidak dapat dibaca: periksa format JSON dan jenis setiap isian.", null),
            CosmosStorageException { IsTransient: true } or BlobStorageException { IsTransient: true } => (503, "storage-unavailable",
                "Penyimpanan data sedang sibuk atau tidak terjangkau. Tunggu beberapa detik, muat ulang, lalu periksa apakah perubahan Anda sudah tercatat sebelum mengirim ulang.",
                (Dictionary<string, object?>?)null),
            _ => (500, "internal", "Terjadi kesalahan pada server. Data Anda yang sudah tersimpan tidak berubah; silakan coba lagi.", (Dictionary<string, object?>?)null),
        };

        if (status >= 500)
        {
            LogUnhandled(log, exception, http.Request.Path);
        }

        http.Response.StatusCode = status;
        if (status == 503)
        {
            http.Response.Headers.RetryAfter = "5";
        }

        var details = new ProblemDetails { Status = status, Title = Problems.TitleFor(status), Detail = detail };
        details.Extensions["code"] = code;
        foreach (var (key, value) in extra ?? [])
        {
            details.Extensions[key] = value;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    private static int StatusFor(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Invalid => 400,
        DomainErrorKind.NotFound => 404,
        DomainErrorKind.Forbidden => 403,
        _ => 409,
    };

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
