namespace SakipServerless.Api.Dashboard;

/// <summary>The rekap as a flat table, one row per indicator: the single source of the .xlsx and the CSV export.</summary>
public sealed record RekapTable(int Year, IReadOnlyList<RekapSheet> Sheets)
{
    /// <summary>Column headers after the OPD column, in the order pemda reports use.</summary>
    public static IReadOnlyList<string> Headers { get; } =
    [
        "Sasaran", "Indikator", "Satuan",
        "Target TW I", "Target TW II", "Target TW III", "Target TW IV",
        "Realisasi TW I", "Realisasi TW II", "Realisasi TW III", "Realisasi TW IV",
        "Capaian TW I", "Capaian TW II", "Capaian TW III", "Capaian TW IV",
        "Semester I", "Semester II", "Tahunan", "Predikat",
    ];

    /// <summary>Index of the first numeric column in <see cref="RekapRow.Numbers"/> that is a capaian (the others are targets and realisasi).</summary>
    public const int FirstCapaianColumn = 8;

    public static RekapTable From(CapaianReport report) => new(report.Year, report.Opds.Select(opd => new RekapSheet(opd.OpdId, opd.OpdName,
        opd.Indicators.Select(i => new RekapRow(i.Sasaran, i.Name, i.Satuan,
        [
            .. i.Triwulan.Select(t => t.Target),
            .. i.Triwulan.Select(t => t.Realisasi),
            .. i.Triwulan.Select(t => t.Capaian.Value),
            i.Semester[0].Capaian.Value, i.Semester[1].Capaian.Value, i.Tahunan.Capaian.Value,
        ], i.Tahunan.Capaian.Predicate)).ToList())).ToList());
}

/// <summary>The rows of one OPD.</summary>
public sealed record RekapSheet(string OpdId, string OpdName, IReadOnlyList<RekapRow> Rows);

/// <summary>One indicator: targets TW I–IV, realisasi TW I–IV, capaian TW I–IV, semester I, semester II, tahunan (15 numbers, null when empty), and the tahunan predikat.</summary>
public sealed record RekapRow(string Sasaran, string Indikator, string Satuan, IReadOnlyList<decimal?> Numbers, string? Predikat);
