using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using SakipServerless.Api.Errors;

namespace SakipServerless.Api.Hosting;

/// <summary>
/// Refuses a request body larger than the JSON limit with 413 before any handler reads it. Kestrel enforces the same
/// limit on the stream; this also answers early from the declared length, and holds where no Kestrel runs (test host).
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, long maxBytes)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        long limit = feature?.MaxRequestBodySize ?? maxBytes;
        if (http.Request.ContentLength is { } length && length > Math.Min(limit, maxBytes) && !IsUpload(http))
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await Problems.Create(413, "body-too-large", $"Data yang dikirim melebihi batas {maxBytes / 1024} KB.").ExecuteAsync(http);
            return;
        }

        await next(http);
    }

    /// <summary>Endpoints that declare their own body limit (evidence uploads) stream to the file store and count bytes themselves.</summary>
    private static bool IsUpload(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null;
}
