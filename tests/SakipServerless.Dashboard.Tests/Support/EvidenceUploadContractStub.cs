using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace SakipServerless.Dashboard.Tests.Support;

/// <summary>
/// Stands in for <c>POST /api/runs/{runId}/files</c> while the uploads issue has not landed on main, answering with
/// the agreed contract (201 {id, fileName, size, sha256, contentType, uploadedAt}) after reading the multipart
/// field <c>file</c>. It steps aside by itself as soon as the backend maps that route, so the same tests then run
/// against the real endpoint. <see cref="Used"/> tells a test which one answered.
/// </summary>
public sealed partial class EvidenceUploadContractStub : IStartupFilter
{
    public static bool Used { get; private set; }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        bool? realEndpoint = null;
        app.Use(async (http, inner) =>
        {
            var match = FilesPath().Match(http.Request.Path.Value ?? "");
            if (!HttpMethods.IsPost(http.Request.Method) || !match.Success)
            {
                await inner(http);
                return;
            }

            realEndpoint ??= http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Any(e => e.RoutePattern.RawText?.TrimEnd('/') is "/api/runs/{runId}/files" or "api/runs/{runId}/files"
                    && (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") ?? true));
            if (realEndpoint == true)
            {
                await inner(http);
                return;
            }

            Used = true;
            if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
            {
                http.Response.StatusCode = 401;
                return;
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (form.Files.GetFile("file") is not { Length: > 0 } file)
            {
                http.Response.StatusCode = 400;
                await http.Response.WriteAsJsonAsync(new { title = "Permintaan tidak valid", detail = "Berkas wajib dikirim pada field 'file'." });
                return;
            }

            await using var stream = file.OpenReadStream();
            string sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, http.RequestAborted));
            http.Response.StatusCode = 201;
            await http.Response.WriteAsJsonAsync(new
            {
                id = "file-" + sha[..12],
                fileName = file.FileName,
                size = file.Length,
                sha256 = sha,
                contentType = file.ContentType,
                uploadedAt = DateTimeOffset.UtcNow,
            });
        });
        next(app);
    };

    [GeneratedRegex("^/api/runs/[^/]+/files/?$")]
    private static partial Regex FilesPath();
}
