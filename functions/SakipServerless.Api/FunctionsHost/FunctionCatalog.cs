using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;

namespace SakipServerless.Api.FunctionsHost;

/// <summary>
/// Derives the app's Azure Functions functions from its endpoint metadata, so the committed function folders
/// (<c>deploy/functions</c>, checked by a test) cannot drift from the routes the app really serves.
/// </summary>
/// <remarks>
/// <para>One HTTP function per (feature, route template) with exactly the methods the app serves there. A function per
/// route rather than one catch-all per feature: function.json takes one route, several features share path prefixes
/// (<c>runs/…</c> is served by Runs and Work, <c>me/…</c> by Work and Notifications), and an exact route makes the
/// host answer 404/405 itself for what the app does not serve. The function name is the feature followed by the
/// route's segments (<c>Runs_RunId_Suspend</c>), which is what operators see in Application Insights.</para>
/// <para>authLevel: <c>anonymous</c> for every route people use, because App Service Authentication stands in front
/// and the app authorizes each request itself (a function key cannot identify a person); <c>function</c> (a key) for
/// the routes tagged <c>Development</c>, which only scripts and demos call and which are off in Production anyway,
/// so switching one on by mistake still leaves a locked door.</para>
/// <para>Every endpoint lies under <c>/api</c> except the handler side of non-HTTP functions, which carries
/// <see cref="TimerTrigger"/> metadata; anything else is an error, since the host could not forward it.</para>
/// </remarks>
public static class FunctionCatalog
{
    /// <summary>host.json <c>extensions.http.routePrefix</c>: the host's prefix equals the app's, so paths arrive unchanged.</summary>
    public const string RoutePrefix = "api";

    public const string Anonymous = "anonymous";

    public const string FunctionKey = "function";

    /// <summary>Endpoint tag of the development-only routes (dev sign-in, dev clock).</summary>
    public const string DevelopmentTag = "Development";

    private const string AppNamespace = "SakipServerless.Api.";

    public static IReadOnlyList<FunctionDefinition> From(EndpointDataSource endpoints)
    {
        var functions = new List<FunctionDefinition>();
        var http = new List<(string Feature, string Route, RouteEndpoint Endpoint)>();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<TimerTrigger>() is { } timer)
            {
                functions.Add(new TimerFunction(timer));
            }
            else
            {
                http.Add((FeatureOf(endpoint), FunctionRoute(endpoint), endpoint));
            }
        }

        foreach (var group in http.GroupBy(e => (e.Feature, e.Route)))
        {
            var members = group.Select(e => e.Endpoint).ToList();
            functions.Add(new HttpFunction(NameFor(group.Key.Feature, members[0].RoutePattern), group.Key.Feature, group.Key.Route,
                MethodsOf(members), AuthLevelOf(members)));
        }

        var clash = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException($"Two functions would be named '{clash.Key}' (function names ignore case).");
        }

        return [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>The route template in function.json form: without the <c>api/</c> prefix, no trailing slash.</summary>
    public static string FunctionRoute(RouteEndpoint endpoint)
    {
        var segments = endpoint.RoutePattern.PathSegments;
        if (segments.Count == 0 || segments[0].Parts is not [RoutePatternLiteralPart { Content: var first }]
            || !string.Equals(first, RoutePrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Endpoint '{endpoint.DisplayName}' ({endpoint.RoutePattern.RawText}) is not under /{RoutePrefix}: the Functions host would never forward a request to it.");
        }

        return string.Join("/", segments.Skip(1).Select(RenderSegment));
    }

    /// <summary>The feature folder of the code that handles the endpoint: <c>SakipServerless.Api.Runs.RunsApi</c> → Runs.</summary>
    public static string FeatureOf(Endpoint endpoint)
    {
        var type = endpoint.Metadata.GetMetadata<MethodInfo>()?.DeclaringType;
        string ns = type?.Namespace ?? "";
        if (ns.StartsWith(AppNamespace, StringComparison.Ordinal))
        {
            return ns[AppNamespace.Length..].Split('.')[0];
        }

        // Framework-mapped endpoints: the OpenAPI document is the only one the app maps.
        return type?.FullName?.Contains("OpenApi", StringComparison.Ordinal) == true
            ? "OpenApi"
            : throw new InvalidOperationException($"Endpoint '{endpoint.DisplayName}' belongs to no feature of the app (handler {type?.FullName ?? "unknown"}).");
    }

    private static string RenderSegment(RoutePatternPathSegment segment)
    {
        var text = new StringBuilder();
        foreach (var part in segment.Parts)
        {
            switch (part)
            {
                case RoutePatternLiteralPart literal:
                    text.Append(literal.Content);
                    break;
                case RoutePatternSeparatorPart separator:
                    text.Append(separator.Content);
                    break;
                case RoutePatternParameterPart parameter:
                    text.Append('{').Append(parameter.IsCatchAll ? "*" : "").Append(parameter.Name);
                    foreach (var policy in parameter.ParameterPolicies)
                    {
                        text.Append(':').Append(policy.Content ?? throw new NotSupportedException($"Route parameter '{parameter.Name}' has a constraint object the host cannot express."));
                    }

                    if (parameter.Default is not null)
                    {
                        text.Append('=').Append(parameter.Default);
                    }

                    text.Append(parameter.IsOptional ? "?" : "").Append('}');
                    break;
            }
        }

        return text.ToString();
    }

    private static string NameFor(string feature, RoutePattern pattern)
    {
        var words = pattern.PathSegments.Skip(1)
            .Select(s => Pascal(string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart l => l.Content,
                RoutePatternParameterPart p2 => p2.Name,
                RoutePatternSeparatorPart s2 => s2.Content,
                _ => "",
            }))))
            .ToList();
        if (words.Count > 0 && string.Equals(words[0], feature, StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0); // Runs + runs/{runId} → Runs_RunId
        }

        return string.Join("_", words.Prepend(feature));
    }

    /// <summary><c>start-all</c> → StartAll, <c>rekap.xlsx</c> → RekapXlsx, <c>runId</c> → RunId: function names allow letters, digits, _ and -.</summary>
    private static string Pascal(string text)
    {
        var word = new StringBuilder();
        bool upper = true;
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            word.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return word.ToString();
    }

    private static IReadOnlyList<string> MethodsOf(IReadOnlyList<RouteEndpoint> endpoints)
    {
        var methods = endpoints.Select(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods).ToList();
        return methods.Any(m => m is null || m.Count == 0)
            ? [] // an endpoint that takes every method: so does the function
            : [.. methods.SelectMany(m => m!).Select(m => m.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)];
    }

    private static string AuthLevelOf(IReadOnlyList<RouteEndpoint> endpoints)
    {
        var levels = endpoints
            .Select(e => e.Metadata.GetOrderedMetadata<ITagsMetadata>().Any(t => t.Tags.Contains(DevelopmentTag)) ? FunctionKey : Anonymous)
            .Distinct()
            .ToList();
        return levels.Count == 1
            ? levels[0]
            : throw new InvalidOperationException($"Route '{endpoints[0].RoutePattern.RawText}' mixes development and regular endpoints; they need different auth levels.");
    }
}
