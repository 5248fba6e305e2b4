using System.Text.Json;
using SakipServerless.Api.FunctionsHost;

namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>
/// deploy/functions is committed, reviewed and packaged as is; these tests hold it equal to what the app's endpoints
/// define. <c>bash scripts/generate-functions.sh</c> rewrites it (it runs the first test with SAKIP_WRITE_FUNCTIONS=1).
/// </summary>
public sealed class FunctionFoldersTests(AppFunctions app) : IClassFixture<AppFunctions>
{
    private static readonly string Folder = Repository.PathOf("deploy", "functions");

    [Fact]
    public void CommittedFunctionFolders_AreExactlyTheOnesTheAppsEndpointsDefine()
    {
        var expected = app.Functions.ToDictionary(f => f.Name, f => f.ToFunctionJson());
        if (Environment.GetEnvironmentVariable("SAKIP_WRITE_FUNCTIONS") == "1")
        {
            Write(expected);
        }

        var folders = Directory.Exists(Folder) ? Directory.GetDirectories(Folder).Select(Path.GetFileName).ToList() : [];
        var missing = expected.Keys.Except(folders).ToList();
        var extra = folders.Except(expected.Keys).ToList();
        var changed = expected.Keys.Intersect(folders)
            .Where(name => !File.Exists(Path.Combine(Folder, name!, "function.json")) || File.ReadAllText(Path.Combine(Folder, name!, "function.json")) != expected[name!])
            .ToList();
        var strayFiles = Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "function.json").ToList()
            : [];

        Assert.True(missing.Count + extra.Count + changed.Count + strayFiles.Count == 0,
            $"deploy/functions has drifted from the app's routes (missing: {string.Join(", ", missing)}; not served: {string.Join(", ", extra)}; "
            + $"different: {string.Join(", ", changed)}; stray files: {string.Join(", ", strayFiles)}). Run: bash scripts/generate-functions.sh");
    }

    [Fact]
    public void EveryApiEndpoint_IsCoveredByTheFunctionWithItsExactRouteAndMethod()
    {
        foreach (var endpoint in app.ApiEndpoints)
        {
            string route = FunctionCatalog.FunctionRoute(endpoint);
            var covering = app.Http.Where(f => f.Route == route && f.Feature == FunctionCatalog.FeatureOf(endpoint)).ToList();
            var function = Assert.Single(covering);
            foreach (string method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods)
            {
                Assert.Contains(method.ToLowerInvariant(), function.Methods);
            }
        }
    }

    [Fact]
    public void EveryRouteGroupOfTheApi_HasFunctions()
    {
        var features = app.Http.Select(f => f.Feature).ToHashSet();
        string[] groups = ["Auth", "Clock", "Dashboard", "Health", "MasterData", "Notifications", "OpenApi", "Runs", "Templates", "Work"];
        Assert.All(groups, g => Assert.Contains(g, features));
        Assert.Equal(app.ApiEndpoints.Select(FunctionCatalog.FeatureOf).ToHashSet().Order(), features.Order());
    }

    [Fact]
    public void AuthLevels_AreAnonymousBehindAppServiceAuthentication_AndAKeyOnlyForDevelopmentRoutes()
    {
        var keyed = app.Http.Where(f => f.AuthLevel == FunctionCatalog.FunctionKey).Select(f => f.Route).Order().ToList();
        Assert.Equal(["dev/clock", "dev/token"], keyed);
        Assert.All(app.Http.Where(f => !keyed.Contains(f.Route)), f => Assert.Equal(FunctionCatalog.Anonymous, f.AuthLevel));
        Assert.Equal("anonymous", app.Http.Single(f => f.Route == "health").AuthLevel);
    }

    [Fact]
    public void TheDeadlineSweep_IsATimerFunctionEveryMinute_InvokedOutsideTheRoutePrefix()
    {
        var timer = Assert.Single(app.Functions.OfType<TimerFunction>());
        Assert.Equal("DeadlineSweep", timer.Name);
        Assert.Equal("0 */1 * * * *", timer.Trigger.Schedule);

        var endpoint = Assert.Single(app.Endpoints, e => e.Metadata.GetMetadata<TimerTrigger>() is not null);
        Assert.Equal("/DeadlineSweep", endpoint.RoutePattern.RawText);
        Assert.Equal(["POST"], endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "DeadlineSweep", "function.json")));
        var binding = Assert.Single(json.RootElement.GetProperty("bindings").EnumerateArray());
        Assert.Equal("timerTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("timer", binding.GetProperty("name").GetString());
    }

    [Fact]
    public void FunctionNames_AreValidForTheHost_AndHttpFunctionsForwardEverything()
    {
        Assert.All(app.Functions, f => Assert.Matches("^[A-Za-z][A-Za-z0-9_-]{0,127}$", f.Name));
        foreach (var function in app.Http)
        {
            using var json = JsonDocument.Parse(function.ToFunctionJson());
            var bindings = json.RootElement.GetProperty("bindings").EnumerateArray().ToList();
            // enableForwardingHttpRequest applies only to functions with nothing but an HTTP trigger and an HTTP output.
            Assert.Equal(["httpTrigger", "http"], bindings.Select(b => b.GetProperty("type").GetString()));
            Assert.False(function.Route.StartsWith('/') || function.Route.EndsWith('/'), function.Route);
        }
    }

    private static void Write(IReadOnlyDictionary<string, string> functions)
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        foreach (var (name, json) in functions)
        {
            Directory.CreateDirectory(Path.Combine(Folder, name));
            File.WriteAllText(Path.Combine(Folder, name, "function.json"), json);
        }
    }
}
