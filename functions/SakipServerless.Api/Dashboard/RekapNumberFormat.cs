using SakipServerless.Core.Capaian;

namespace SakipServerless.Api.Dashboard;

/// <summary>How a number of the rekap is displayed in the workbook.</summary>
public enum RekapNumberFormat
{
    /// <summary><c>#,##0</c>: counts, rupiah and other whole figures.</summary>
    Whole,

    /// <summary><c>#,##0.00</c>: percent satuan, and fractions of any other satuan (a mean of counts).</summary>
    TwoDecimals,

    /// <summary><c>0.00</c>: a capaian in percent points, rounded to 2 decimals as on the dashboard.</summary>
    Capaian,

    /// <summary><c>0.00"*"</c>: a capaian held at the pemda's cap; the note column gives the uncapped value.</summary>
    CappedCapaian,
}

/// <summary>Picks the display of a cell from its measure and satuan; the cell keeps its exact value.</summary>
/// <remarks>
/// Format codes in a workbook are written with <c>.</c> for decimals and <c>,</c> for thousands whatever the locale, and
/// Excel and LibreOffice show them in the reader's locale: on an Indonesian system 1.250.000 and 73,05. So the codes are
/// the neutral ones, not a forced id-ID text.
/// </remarks>
public static class RekapNumberFormats
{
    public static RekapNumberFormat For(RekapMeasure measure, string satuan, RekapCell cell, decimal value)
    {
        if (measure == RekapMeasure.Capaian)
        {
            return cell.IsCapped ? RekapNumberFormat.CappedCapaian : RekapNumberFormat.Capaian;
        }

        bool percent = SatuanRules.Find(satuan) is { WholeNumber: false, Max: 100m };
        return percent || value != decimal.Truncate(value) ? RekapNumberFormat.TwoDecimals : RekapNumberFormat.Whole;
    }

    /// <summary>The workbook's format code.</summary>
    public static string Code(RekapNumberFormat format) => format switch
    {
        RekapNumberFormat.Whole => "#,##0",
        RekapNumberFormat.TwoDecimals => "#,##0.00",
        RekapNumberFormat.Capaian => "0.00",
        _ => "0.00\"*\"",
    };
}
