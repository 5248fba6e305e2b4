using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Functions.Http;
using SakipServerless.Functions.Tests.Support;
using SakipServerless.Functions.Timers;

namespace SakipServerless.Functions.Tests.Publish;

/// <summary>
/// What <c>dotnet publish</c> produces is what the Functions host loads: the worker's files, the functions it
/// indexes from <c>functions.metadata</c>, and an HTTP surface that forwards exactly what the API serves.
/// </summary>
public sealed class PublishedAppTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    private const string RoutePrefix = "api"; // host.json extensions.http.routePrefix

    private IReadOnlyList<FunctionMetadata> Functions => FunctionMetadata.Read(published.PathOf("functions.metadata"));

    [Fact]
    public void ThePublishedFolder_HoldsTheWorkerTheExtensionsAndTheRepositorysHostJson()
    {
        using var worker = JsonDocument.Parse(File.ReadAllText(published.PathOf("worker.config.json")));
        var description = worker.RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.True(File.Exists(published.PathOf(description.GetProperty("defaultWorkerPath").GetString()!)), "the worker assembly worker.config.json names is missing");

        using var extensions = JsonDocument.Parse(File.ReadAllText(published.PathOf("extensions.json")));
        var durable = Assert.Single(extensions.RootElement.GetProperty("extensions").EnumerateArray(), e => e.GetProperty("name").GetString() == "DurableTask");
        Assert.True(File.Exists(published.PathOf(durable.GetProperty("hintPath").GetString()!)), "the Durable extension's assembly is not in .azurefunctions");

        Assert.Equal(Repository.Read("host.json"), File.ReadAllText(published.PathOf("host.json")));
        using var host = JsonDocument.Parse(File.ReadAllText(published.PathOf("host.json")));
        Assert.False(host.RootElement.TryGetProperty("customHandler", out _), "host.json still declares a custom handler");
        Assert.False(host.RootElement.TryGetProperty("extensionBundle", out _), "an isolated .NET app brings its extensions itself (.azurefunctions)");
        Assert.Equal(RoutePrefix, host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Empty(Directory.GetFiles(published.Folder, "function.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void TheIndexedFunctions_AreTheApiTheTimersAndTheRunOrchestrationsWrappers()
    {
        var byName = Functions.ToDictionary(f => f.Name);

        Assert.Equal(["Api", "DeadlineSweep", "RunReconciliation", "ScheduledStarts", "SopRunOrchestrator", "WriteRunProjection"], byName.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("httpTrigger", byName["Api"].Trigger.Type);
        Assert.Equal("timerTrigger", byName["DeadlineSweep"].Trigger.Type);
        Assert.Equal(DeadlineSweepTimer.Schedule, byName["DeadlineSweep"].Trigger.Schedule);
        Assert.Equal(RunReconciliationTimer.Schedule, byName["RunReconciliation"].Trigger.Schedule);
        Assert.Equal(ScheduledStartsTimer.Schedule, byName["ScheduledStarts"].Trigger.Schedule);
        Assert.Equal("orchestrationTrigger", byName["SopRunOrchestrator"].Trigger.Type);
        Assert.Equal("activityTrigger", byName["WriteRunProjection"].Trigger.Type);
        // Both functions that can reach the durable engine get the extension's client.
        Assert.All(new[] { "Api", "DeadlineSweep", "RunReconciliation", "ScheduledStarts" }, name => Assert.Contains(byName[name].Bindings, b => b.Type == "durableClient"));
    }

    [Theory]
    [InlineData("embedded")]
    [InlineData("durable")]
    public async Task TheApiFunctionsRouteAndMethods_ForwardExactlyWhatTheApisEndpointTableServes(string engine)
    {
        var api = Functions.Single(f => f.Name == ApiFunction.Name).Trigger;
        var settings = TestSettings.For(TestSettings.NewDatabasePath(), new Dictionary<string, string?> { ["Sakip:Engine:Mode"] = engine });
        await using var local = LocalHost.Unstarted(settings);
        var table = Table(local.Endpoints);

        Assert.Equal("Anonymous", api.AuthLevel);
        Assert.NotEmpty(table);
        foreach (var (route, methods) in table)
        {
            Assert.True(Matches($"{RoutePrefix}/{api.Route}", Sample(route)), $"{route} is not under the function's route {api.Route}");
            Assert.True(methods.All(m => api.Methods.Contains(m, StringComparer.OrdinalIgnoreCase)), $"{route} serves {string.Join(",", methods)}, the function forwards {string.Join(",", api.Methods)}");
        }

        // No method is forwarded that no endpoint serves (the host would pass it on only for a 405).
        Assert.Equal(table.SelectMany(e => e.Methods).Distinct().Order(StringComparer.Ordinal), api.Methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal));

        // And the Functions app dispatches into the same table the local host routes with.
        await using var functions = FunctionsApp.Build(settings);
        var dispatched = Table(functions.Services.GetRequiredService<ApiPipeline>().Endpoints.Endpoints);
        Assert.Equal(table.Select(e => e.ToString()), dispatched.Select(e => e.ToString()));
    }

    private static IReadOnlyList<(string Route, IReadOnlyList<string> Methods)> Table(IEnumerable<Endpoint> endpoints) =>
    [
        .. endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: e.RoutePattern.RawText!, Methods: (IReadOnlyList<string>)[.. (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Order(StringComparer.Ordinal)]))
            .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => string.Join(",", e.Methods), StringComparer.Ordinal),
    ];

    /// <summary>A concrete path for a route: each parameter replaced by a value it accepts.</summary>
    private static string Sample(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route.StartsWith('/') ? route : "/" + route, @"\{\*?([A-Za-z0-9_]+)[^}]*\}", m => "probe-" + m.Groups[1].Value);

    private static bool Matches(string template, string path) =>
        new TemplateMatcher(TemplateParser.Parse(template), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary());
}
