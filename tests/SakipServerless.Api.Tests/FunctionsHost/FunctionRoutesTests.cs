using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using SakipServerless.Api.FunctionsHost;

namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>
/// The committed function.json files against the running app: the host forwards a request only along a function's
/// route and methods, so each of those must reach an endpoint, and nothing the app serves may be left out.
/// </summary>
public sealed class FunctionRoutesTests(AppFunctions app) : IClassFixture<AppFunctions>
{
    private static readonly string[] StandardMethods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task EveryFunctionRouteAndMethod_ReachesAnEndpointOfTheApp()
    {
        var client = app.Factory.CreateClient();
        var functions = CommittedFunction.Http();
        Assert.NotEmpty(functions);
        foreach (var function in functions)
        {
            Assert.NotEmpty(function.Methods);
            foreach (string method in function.Methods)
            {
                var (status, body) = await SendAsync(client, method, CommittedFunction.SamplePath(function.Route!));
                // Unrouted: 405, or a 404 without the "code" our handlers put in every problem. Routed: anything else
                // (401 for the signed-in routes, the handler's own answer for the open ones).
                Assert.True(status != HttpStatusCode.MethodNotAllowed && (status != HttpStatusCode.NotFound || body.Contains("\"code\"")),
                    $"{function.Name}: {method.ToUpperInvariant()} {function.Route} is not served by the app ({(int)status}).");
            }
        }
    }

    [Fact]
    public async Task NoMethodTheAppServes_IsMissingFromTheFunctions()
    {
        var client = app.Factory.CreateClient();
        var functions = CommittedFunction.Http();
        foreach (var function in functions)
        {
            string path = CommittedFunction.SamplePath(function.Route!);
            foreach (string method in StandardMethods.Except(function.Methods))
            {
                if (functions.Any(other => other.Methods.Contains(method) && Matches(other.Route!, path)))
                {
                    continue; // another function forwards it
                }

                var (status, _) = await SendAsync(client, method, path);
                Assert.True(status == HttpStatusCode.MethodNotAllowed,
                    $"The app serves {method.ToUpperInvariant()} {path}, but no function forwards it ({function.Name} allows {string.Join(", ", function.Methods)}).");
            }
        }
    }

    [Fact]
    public void EveryApiEndpoint_IsMatchedUnderTheHostsRouting_OnlyByFunctionsOfOneAuthLevel()
    {
        // Whatever order the host tries overlapping routes in, the request is forwarded unchanged and the app routes it;
        // what must not depend on that order is whether a key is asked for.
        var functions = CommittedFunction.Http();
        foreach (var endpoint in app.ApiEndpoints)
        {
            string path = CommittedFunction.SamplePath(FunctionCatalog.FunctionRoute(endpoint));
            foreach (string method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => m.ToLowerInvariant()))
            {
                var matching = functions.Where(f => f.Methods.Contains(method) && Matches(f.Route!, path)).ToList();
                Assert.True(matching.Count > 0, $"No function forwards {method.ToUpperInvariant()} {path}.");
                Assert.True(matching.Select(f => f.AuthLevel).Distinct().Count() == 1,
                    $"{method.ToUpperInvariant()} {path} is matched by functions of different auth levels: {string.Join(", ", matching.Select(f => f.Name))}.");
            }
        }
    }

    [Fact]
    public void TheInvocationPathOfTheTimer_IsMatchedByNoHttpFunction()
    {
        foreach (string path in new[] { "/DeadlineSweep", "/api/DeadlineSweep", "/api/../DeadlineSweep" })
        {
            Assert.DoesNotContain(CommittedFunction.Http(), f => Matches(f.Route!, path));
        }
    }

    private static bool Matches(string route, string path) =>
        new TemplateMatcher(TemplateParser.Parse(FunctionCatalog.RoutePrefix + "/" + route), new RouteValueDictionary())
            .TryMatch(path, new RouteValueDictionary());

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
        if (method is "post" or "put" or "patch")
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
