using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.FunctionsHost;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>The app's endpoints and the functions derived from them, read once from a real app instance.</summary>
public sealed class AppFunctions : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new();

    public IReadOnlyList<RouteEndpoint> Endpoints { get; private set; } = [];

    public IReadOnlyList<FunctionDefinition> Functions { get; private set; } = [];

    public IReadOnlyList<HttpFunction> Http => [.. Functions.OfType<HttpFunction>()];

    /// <summary>The endpoints the host forwards to: every endpoint but the handler side of non-HTTP functions.</summary>
    public IReadOnlyList<RouteEndpoint> ApiEndpoints => [.. Endpoints.Where(e => e.Metadata.GetMetadata<TimerTrigger>() is null)];

    public Task InitializeAsync()
    {
        var source = Factory.Services.GetRequiredService<EndpointDataSource>();
        Endpoints = [.. source.Endpoints.OfType<RouteEndpoint>()];
        Functions = FunctionCatalog.From(source);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
