namespace SakipServerless.Dashboard.Charts;

/// <summary>
/// Serves plotly.js's cartesian bundle (bar, heatmap, scatter and the other 2-D traces) where Plotly.Blazor asks for
/// its full bundle. The dashboard draws nothing else, and the full bundle is 4.85 MB of script (1.49 MB gzip) that
/// a phone must parse before the first chart; the cartesian one is 1.42 MB (0.47 MB gzip). Plotly.Blazor loads a
/// fixed path and offers no other choice than its basic bundle, which has no heatmap, so the request is rewritten to
/// our copy before routing (same version, 3.7.0, so the library's interop meets the plotly.js it was built for).
/// Measured in BENCHMARKS.md (dashboard, interactive overview).
/// </summary>
public static class PlotlyBundle
{
    /// <summary>The path Plotly.Blazor 7.2.0 imports plotly.js from.</summary>
    public const string RequestedPath = "/_content/Plotly.Blazor/plotly-3.7.0.min.js";

    /// <summary>Our copy of the cartesian bundle (copied from npm into wwwroot by the build).</summary>
    public const string ServedPath = "/lib/plotly/plotly-cartesian-3.7.0.min.js";

    /// <summary>Must run before routing: the static asset endpoints are matched there.</summary>
    public static IApplicationBuilder UseCartesianPlotly(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.Equals(RequestedPath, StringComparison.Ordinal))
            {
                context.Request.Path = ServedPath;
            }

            return next(context);
        });
}
