using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SakipServerless.Functions.Durable;

namespace SakipServerless.Functions.Http;

/// <summary>
/// The whole HTTP API as one function: every request under <c>/api</c> goes into the backend's own pipeline
/// (<see cref="ApiPipeline"/>), with the invocation's durable client bound for the durable engine.
/// </summary>
/// <remarks>
/// <para>One dispatch function rather than a function per route: the worker's HTTP pipeline routes only to
/// functions, so per-route functions would each have to re-create what the minimal API already does for its routes
/// (parameter binding, endpoint filters, authorization and rate-limit policies, problem+json, the OpenAPI document),
/// a second copy that could drift. Dispatching runs the very middleware and endpoints the local host runs, so Easy
/// Auth principal headers, rate limits, problem+json, idempotency and OpenAPI behave as they do there; a 404 or 405
/// for an unknown route comes from the same routing. The parity test compares this function's published route and
/// methods with the API's endpoint table.</para>
/// <para>authLevel anonymous: App Service Authentication stands in front and the app authorizes each request itself
/// (a function key identifies no person). The development routes are refused at start in Production.</para>
/// </remarks>
public sealed class ApiFunction(ApiPipeline pipeline, BoundDurableClient durable)
{
    public const string Name = "Api";

    /// <summary>Under host.json's route prefix <c>api</c>: every path below <c>/api</c>, passed on unchanged. The methods
    /// are exactly those some endpoint serves (the parity test holds them to the endpoint table).</summary>
    public const string Route = "{*path}";

    [Function(Name)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "delete", Route = Route)] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        using (durable.Bind(client))
        {
            await pipeline.DispatchAsync(request.HttpContext);
        }

        return Results.Empty; // the pipeline has written the response
    }
}
