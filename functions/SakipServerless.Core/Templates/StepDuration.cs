using System.Text.Json.Serialization;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;

namespace SakipServerless.Core.Templates;

/// <summary>
/// A step's waktu as written in the template: one ISO duration, or one per period kind
/// (e.g. "1 Hari untuk laporan triwulan dan 15 Hari untuk laporan tahunan").
/// Kept as text so an unreadable value can be reported by the validator rather than lost by the parser.
/// </summary>
[JsonConverter(typeof(StepDurationJsonConverter))]
public sealed record StepDuration(string Default, string? Triwulan = null, string? Semester = null, string? Tahunan = null)
{
    public bool IsPerPeriod => Triwulan is not null || Semester is not null || Tahunan is not null;

    /// <summary>The text that applies to a run of the given period kind, falling back to <see cref="Default"/>.</summary>
    public string TextFor(PeriodKind kind) => kind switch
    {
        PeriodKind.Triwulan => Triwulan ?? Default,
        PeriodKind.Semester => Semester ?? Default,
        PeriodKind.Tahunan => Tahunan ?? Default,
        _ => Default,
    };

    public WorkDuration For(PeriodKind kind) => WorkDuration.Parse(TextFor(kind));

    /// <summary>Every text this duration holds, labelled by the JSON field it came from.</summary>
    public IEnumerable<(string Field, string Text)> Parts()
    {
        yield return ("default", Default);
        if (Triwulan is not null) yield return ("triwulan", Triwulan);
        if (Semester is not null) yield return ("semester", Semester);
        if (Tahunan is not null) yield return ("tahunan", Tahunan);
    }
}
