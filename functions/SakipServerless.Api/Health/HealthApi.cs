using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Health;

/// <summary><c>GET /api/health</c>: 200 with JSON once storage answers, 503 otherwise.</summary>
public static class HealthApi
{
    public sealed record HealthView(string Status, string Storage, DateTimeOffset Time);

    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        api.MapGet("/health", async (IDocumentStore documents, TimeProvider clock, CancellationToken ct) =>
        {
            try
            {
                await documents.ListTenantIdsAsync(ct);
                return Results.Ok(new HealthView("ok", "ok", clock.GetUtcNow()));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Results.Json(new HealthView("unavailable", e.GetType().Name, clock.GetUtcNow()), statusCode: 503);
            }
        }).AllowAnonymous().WithTags("Health");
        return api;
    }
}
