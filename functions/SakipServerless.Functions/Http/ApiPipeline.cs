using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Functions.Http;

/// <summary>
/// The backend's own ASP.NET Core pipeline (<see cref="BackendEndpointExtensions.UseSakipMiddleware"/> and
/// <see cref="BackendEndpointExtensions.MapSakipEndpoints"/>, the ones the local host runs), built once on the
/// worker's container, which <see cref="ApiFunction"/> hands every HTTP invocation to.
/// </summary>
/// <remarks>The order is the local WebApplication's: routing first, then the middleware, then the endpoint, then a
/// 404 for a path no endpoint serves.</remarks>
public sealed class ApiPipeline
{
    private readonly Lazy<(RequestDelegate Pipeline, EndpointDataSource Endpoints)> _built;

    private readonly IHttpContextAccessor _accessor;

    public ApiPipeline(IServiceProvider services, IConfiguration configuration, IHttpContextAccessor accessor)
    {
        _accessor = accessor;
        _built = new(() => Build(services, configuration), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The endpoints the pipeline routes to: the API's endpoint table in this app.</summary>
    public EndpointDataSource Endpoints => _built.Value.Endpoints;

    public Task DispatchAsync(HttpContext context)
    {
        // The worker's routing has already matched the catch-all function and set its endpoint; the API's routing
        // skips a request that has one, so it is cleared and the request routed again against the API's own table.
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        // The function runs on the invocation's flow, not on the one Kestrel set the accessor on, and the backend
        // reads the signed-in user through the accessor (CurrentUser): it is set here for what the pipeline awaits.
        _accessor.HttpContext = context;
        return _built.Value.Pipeline(context);
    }

    private static (RequestDelegate, EndpointDataSource) Build(IServiceProvider services, IConfiguration configuration)
    {
        var app = new ApplicationBuilder(services);
        IReadOnlyList<EndpointDataSource> sources = [];
        app.UseRouting();
        app.UseSakipMiddleware(configuration);
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapSakipEndpoints(configuration);
            sources = [.. endpoints.DataSources];
        });
        return (app.Build(), new CompositeEndpointDataSource(sources));
    }
}
