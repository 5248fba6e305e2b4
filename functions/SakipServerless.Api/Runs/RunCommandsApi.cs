using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Runs.Engine;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Runs;

/// <summary>Where a command answered 202 (durable engine, past the bounded wait) is polled for its answer.</summary>
public static class RunCommandsApi
{
    public static RouteGroupBuilder MapRunCommandsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/runs/{runId}/commands/{commandId}", StatusAsync).WithTags("Runs")
            .WithSummary("Hasil perintah yang dijawab 202: 200 dengan pelaksanaan SOP terbaru, masalah dari domain, atau 202 bila masih diproses")
            .Produces<RunView>().Produces<CommandAccepted>(StatusCodes.Status202Accepted);
        return api;
    }

    private static async Task<IResult> StatusAsync(string runId, string commandId, CurrentUser me, IRunStore store, IRunEngine engine, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var run = await store.FindAsync(user.TenantId, runId, ct);
        if (run is null || !AccessPolicy.SameTenant(user, run.TenantId))
        {
            return Problems.NotFound($"Pelaksanaan SOP '{runId}' tidak ditemukan.");
        }

        if (!AccessPolicy.CanReadOpd(user, run.TenantId, run.OpdId))
        {
            return Problems.Forbidden("Pelaksanaan SOP ini milik OPD lain.");
        }

        // The embedded engine answers every command in its request, so it has nothing to poll.
        return engine is DurableRunEngine durable
            ? await durable.CommandStatusAsync(user, runId, commandId, ct)
            : Problems.NotFound($"Perintah '{commandId}' tidak dikenal: mesin pelaksanaan SOP ini menjawab setiap perintah secara langsung.");
    }
}
