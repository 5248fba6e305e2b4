using System.Security.Cryptography;
using System.Text;
using SakipServerless.Dashboard.Api.Models;

namespace SakipServerless.Dashboard.Overview;

/// <summary>
/// A fingerprint of what the overview shows, without the parts that change every minute by themselves (how long
/// something has been late): an open page reloads its content only when the fingerprint changes.
/// </summary>
public static class OverviewStamp
{
    public static string Of(OverviewDto o)
    {
        var text = new StringBuilder();
        text.Append(o.Kpi with { OpdsWithoutDataIds = [] }).Append(string.Join(',', o.Kpi.OpdsWithoutDataIds)).Append('|');
        foreach (var c in o.Completion) text.Append(c).Append('|');
        foreach (var row in o.Heatmap.Rows)
        {
            text.Append(row.RunId).Append(':').AppendJoin(',', row.Cells.Select(c => $"{c.No}{c.State}{c.EscalationLevel}")).Append('|');
        }

        foreach (var c in o.CapaianByOpd) text.Append(c.OpdId).Append(c.Capaian.Capaian.Value).Append('|');
        foreach (var t in o.Trend) text.Append(t.Capaian.Capaian.Value).Append('|');
        foreach (var d in o.Overdue) text.Append(d.RunId).Append(d.StepId).Append(d.UnitId).Append(d.EscalationLevel).Append('|');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
