using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SakipServerless.Api.Hosting;
using SakipServerless.Api.Runs.Reconciliation;
using SakipServerless.Engine.Durable.Client;
using SakipServerless.Functions.Durable;
using SakipServerless.Functions.Http;

namespace SakipServerless.Functions.Hosting;

/// <summary>What the Functions app registers beyond the backend's own services: the API pipeline it dispatches into and the durable client of the current invocation.</summary>
public static class FunctionsAppServiceCollectionExtensions
{
    public static IServiceCollection AddSakipFunctionsApp(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddRouting(); // the worker's web host adds it too; the API pipeline needs it either way
        services.AddSakipServices(configuration, environment);
        services.AddSingleton<BoundDurableClient>();
        // Transient: each resolution takes the client bound to the invocation that is running (the singleton
        // EvidenceLedger resolves it per call as well), so no client outlives the invocation that brought it.
        services.AddTransient(sp => new DurableRunClient(sp.GetRequiredService<BoundDurableClient>().Current));
        // Registered here, beside the DurableRunClient it needs: the local host has none, and validates its container in Development.
        services.AddTransient<RunReconciliation>();
        services.AddSingleton<ApiPipeline>();
        return services;
    }
}
