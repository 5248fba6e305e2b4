using Microsoft.AspNetCore.Antiforgery;
using SakipServerless.Dashboard.Api;
using SakipServerless.Dashboard.Auth;

namespace SakipServerless.Dashboard.Uploads;

/// <summary>
/// Resumable evidence uploads from the browser (district offices upload over mobile networks):
/// <list type="number">
/// <item><c>POST /unggah</c> {runId, fileName, size, contentType} → {id, received, chunkBytes}</item>
/// <item><c>GET /unggah/{id}</c> → {received}: where to continue after a dropped connection</item>
/// <item><c>PUT /unggah/{id}?offset=n</c> with a chunk → {received}; 409 with {received} when the offset is not the end</item>
/// <item><c>POST /unggah/{id}/selesai</c> → the backend's file record (201), once every byte has arrived</item>
/// </list>
/// Every call needs the session cookie and the antiforgery token header. The finished file goes to the backend as
/// one streamed multipart request (<c>POST /api/runs/{runId}/files</c>, contract of the uploads issue).
/// </summary>
public static class UploadEndpoints
{
    public sealed record StartRequest(string? RunId, string? FileName, long Size, string? ContentType);

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/unggah").RequireAuthorization().DisableAntiforgery().AddEndpointFilter(ValidateAntiforgery);
        group.MapPost("/", (StartRequest body, HttpContext http, UploadStore store) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(body.RunId)) errors["runId"] = ["Pelaksanaan (runId) wajib diisi."];
            string name = Path.GetFileName((body.FileName ?? "").Replace('\\', '/')).Trim();
            if (name.Length is 0 or > 200) errors["fileName"] = ["Nama berkas wajib diisi (paling banyak 200 karakter)."];
            if (body.Size <= 0) errors["size"] = ["Berkas kosong tidak dapat diunggah."];
            else if (body.Size > store.Options.MaxFileBytes) errors["size"] = [$"Berkas terlalu besar: paling besar {store.Options.MaxFileBytes / (1024 * 1024)} MB."];
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, "Berkas tidak dapat diunggah.", title: "Permintaan tidak valid");
            }

            var session = store.Create(UserKey(http), body.RunId!.Trim(), name, body.ContentType, body.Size);
            return Results.Ok(new { id = session.Id, received = 0L, chunkBytes = store.Options.ChunkBytes });
        });

        group.MapGet("/{id}", (string id, HttpContext http, UploadStore store) =>
            store.Find(id, UserKey(http)) is { } session
                ? Results.Ok(new { id, received = store.Received(session), size = session.Size })
                : Results.Problem("Unggahan tidak ditemukan atau sudah kedaluwarsa; pilih berkas lagi.", statusCode: 404));

        group.MapPut("/{id}", async (string id, long offset, HttpContext http, UploadStore store) =>
        {
            if (store.Find(id, UserKey(http)) is not { } session)
            {
                return Results.Problem("Unggahan tidak ditemukan atau sudah kedaluwarsa; pilih berkas lagi.", statusCode: 404);
            }

            if (http.Request.ContentLength > store.Options.ChunkBytes * 2L)
            {
                return Results.Problem("Potongan data terlalu besar.", statusCode: 413);
            }

            try
            {
                long? received = await store.AppendAsync(session, offset, http.Request.Body, http.RequestAborted);
                return received is { } r
                    ? Results.Ok(new { received = r })
                    : Results.Json(new { received = store.Received(session) }, statusCode: 409);
            }
            catch (InvalidDataException e)
            {
                return Results.Problem(e.Message, statusCode: 400);
            }
        });

        group.MapPost("/{id}/selesai", async (string id, HttpContext http, UploadStore store, SakipApiClient api) =>
        {
            if (store.Find(id, UserKey(http)) is not { } session)
            {
                return Results.Problem("Unggahan tidak ditemukan atau sudah kedaluwarsa; pilih berkas lagi.", statusCode: 404);
            }

            long received = store.Received(session);
            if (received != session.Size)
            {
                return Results.Json(new { received, detail = "Berkas belum lengkap terkirim." }, statusCode: 409);
            }

            ApiResult<Api.Models.UploadedFileDto> result;
            await using (var content = store.OpenRead(session))
            {
                result = await api.UploadFileAsync(session.RunId, content, session.FileName, session.ContentType, http.RequestAborted);
            }

            if (!result.Ok)
            {
                // A refusal by the backend (type, size, access) is final for this file; a missing endpoint or an
                // unreachable backend is not, so the upload is kept for another try.
                if (result.Problem!.Status is 400 or 403 or 413 or 415 or 422)
                {
                    store.Delete(id);
                }

                string message = result.Problem.Status == 404 && result.Problem.Code != "not-found"
                    ? "Layanan unggah bukti belum tersedia di server SAKIP."
                    : result.Problem.Message;
                return Results.Problem(message, statusCode: result.Problem.Status);
            }

            store.Delete(id);
            return Results.Json(result.Value, statusCode: 201);
        });
        return app;
    }

    /// <summary>The session is per user: another user of the same browser cannot continue someone's upload.</summary>
    private static string UserKey(HttpContext http) => DashboardClaims.Tenant(http.User) + "/" + DashboardClaims.Id(http.User);

    private static async ValueTask<object?> ValidateAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem("Token formulir tidak valid; muat ulang halaman.", statusCode: 400);
        }

        return await next(context);
    }
}
