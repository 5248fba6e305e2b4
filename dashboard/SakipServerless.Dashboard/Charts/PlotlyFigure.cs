using System.Text.Json;
using System.Text.Json.Serialization;

namespace SakipServerless.Dashboard.Charts;

/// <summary>
/// A Plotly figure as typed C#: the traces and layout the dashboard uses, serialised to the JSON plotly.js reads.
/// Only what we draw is modelled; Plotly's names are all lower case, hence the naming policy.
/// </summary>
public sealed record PlotlyFigure(IReadOnlyList<PlotlyTrace> Data, PlotlyLayout Layout)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = new LowerCaseNamingPolicy(),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>JSON safe to embed in a script element: the default encoder escapes &lt; and &amp;.</summary>
    public string ToJson() => JsonSerializer.Serialize(new { data = Data, layout = Layout }, Options);

    private sealed class LowerCaseNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
