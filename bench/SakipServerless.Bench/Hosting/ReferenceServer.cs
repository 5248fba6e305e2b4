using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SakipServerless.Bench.Hosting;

/// <summary>
/// The physical reference for the backend process: an empty ASP.NET Core app on the same runtime (started as a child
/// with <c>--reference-server</c>) that answers <c>GET /</c> and reads and discards a <c>POST /discard</c> body.
/// Its idle memory is the floor of any ASP.NET Core process here; its upload rate is what loopback HTTP alone allows.
/// </summary>
public static class ReferenceServer
{
    public const string Argument = "--reference-server";

    public static async Task RunAsync(string url)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        app.MapGet("/api/health", () => Results.Ok(new { status = "ok" }));
        app.MapPost("/discard", async (HttpRequest request) =>
        {
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
            {
                total += read;
            }

            return Results.Ok(new { total });
        });
        await app.RunAsync();
    }
}
