using System.Globalization;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;
using SakipServerless.Dashboard.Api.Models;

namespace SakipServerless.Dashboard.Shared;

/// <summary>Times, numbers, durations and status names as an Indonesian reader expects them.</summary>
public static class IndonesianText
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>"Sen, 23 Nov 2026 13.05 WITA" in the pemda's zone.</summary>
    public static string DateTime(DateTimeOffset? at, TimeZoneInfo zone, string zoneLabel)
    {
        if (at is not { } value)
        {
            return "–";
        }

        var local = TimeZoneInfo.ConvertTime(value, zone);
        return local.ToString("ddd, d MMM yyyy HH.mm", Culture) + " " + zoneLabel;
    }

    /// <summary>"23/11 13.05": for tight spaces (flowchart, heatmap hover).</summary>
    public static string Short(DateTimeOffset? at, TimeZoneInfo zone)
    {
        if (at is not { } value)
        {
            return "–";
        }

        return TimeZoneInfo.ConvertTime(value, zone).ToString("dd/MM HH.mm", Culture);
    }

    /// <summary>
    /// "2 hari 3 jam 5 menit" in whole minutes, largest units first; under a minute reads "kurang dari 1 menit". The
    /// same words as the backend's lateness labels (its DurationText), so a countdown that passes its due time reads
    /// like the overview's list of what is late.
    /// </summary>
    public static string Duration(TimeSpan span)
    {
        long minutes = (long)Math.Floor(Math.Abs(span.TotalMinutes));
        if (minutes < 1)
        {
            return "kurang dari 1 menit";
        }

        long days = minutes / 1440, hours = minutes / 60 % 24, rest = minutes % 60;
        var parts = new List<string>(3);
        if (days > 0) parts.Add($"{days} hari");
        if (hours > 0) parts.Add($"{hours} jam");
        if (rest > 0) parts.Add($"{rest} menit");
        return string.Join(' ', parts);
    }

    /// <summary>"sisa 2 jam 5 menit" before the due time, "terlambat 1 hari 3 jam" after it, counted from the backend's <paramref name="now"/>.</summary>
    public static string Countdown(DateTimeOffset due, DateTimeOffset now) =>
        due >= now ? "sisa " + Duration(due - now) : "terlambat " + Duration(now - due);

    /// <summary>The backend's own "late by" when it says the item is late, else the time left: one lateness per item on every page.</summary>
    public static string DueState(DateTimeOffset due, DateTimeOffset now, string? lateLabel) =>
        lateLabel is not null ? "terlambat " + lateLabel : Countdown(due, now);

    public static string Number(decimal? value, int decimals = 2) =>
        value is { } v ? v.ToString("#,0." + new string('#', decimals), Culture) : "–";

    public static string Percent(decimal? value) => value is { } v ? Number(v) + "%" : "–";

    /// <summary>Parses what a person types: "95,5", "95.5", "1.250,75" (Indonesian) or "1250.75".</summary>
    public static bool TryParseNumber(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string t = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal);
        bool hasComma = t.Contains(','), hasDot = t.Contains('.');
        if (hasComma && hasDot)
        {
            // The later separator is the decimal one: "1.250,75" vs "1,250.75".
            t = t.LastIndexOf(',') > t.LastIndexOf('.') ? t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : t.Replace(",", "", StringComparison.Ordinal);
        }
        else if (hasComma)
        {
            t = t.Replace(',', '.');
        }
        else if (hasDot && t.Count(c => c == '.') > 1)
        {
            t = t.Replace(".", "", StringComparison.Ordinal);
        }

        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static string RunStatus(RunStatus status) => status switch
    {
        Core.Runs.RunStatus.Running => "Berjalan",
        Core.Runs.RunStatus.Suspended => "Ditangguhkan",
        Core.Runs.RunStatus.Completed => "Selesai",
        Core.Runs.RunStatus.Terminated => "Dihentikan",
        _ => status.ToString(),
    };

    public static string StepState(StepState state) => state switch
    {
        Api.Models.StepState.Pending => "Belum mulai",
        Api.Models.StepState.Active => "Berjalan",
        Api.Models.StepState.Late => "Terlambat",
        Api.Models.StepState.Escalated => "Eskalasi",
        Api.Models.StepState.Done => "Selesai",
        Api.Models.StepState.Returned => "Dikembalikan",
        Api.Models.StepState.Skipped => "Tidak berlaku",
        Api.Models.StepState.Stopped => "Dihentikan",
        _ => state.ToString(),
    };

    public static string UnitStatus(UnitTaskStatus status) => status switch
    {
        UnitTaskStatus.Open => "Belum mengirim",
        UnitTaskStatus.Submitted => "Menunggu pemeriksaan",
        UnitTaskStatus.Accepted => "Diterima",
        UnitTaskStatus.Returned => "Dikembalikan",
        _ => status.ToString(),
    };

    public static string Kind(StepKind kind) => kind switch
    {
        StepKind.Disposition => "Disposisi",
        StepKind.Task => "Tugas",
        StepKind.Collect => "Pengumpulan data",
        StepKind.Review => "Pemeriksaan",
        StepKind.Rekap => "Rekapitulasi",
        StepKind.Meeting => "Rapat",
        _ => kind.ToString(),
    };

    /// <summary>The step's state for colouring, from the run view (the same rules as the backend's read model).</summary>
    public static StepState StateOf(RunDto run, StepDto step)
    {
        return step.Status switch
        {
            StepStatus.Done => Api.Models.StepState.Done,
            StepStatus.Skipped => Api.Models.StepState.Skipped,
            _ when run.Status == Core.Runs.RunStatus.Terminated => Api.Models.StepState.Stopped,
            StepStatus.Returned => Api.Models.StepState.Returned,
            StepStatus.Pending => Api.Models.StepState.Pending,
            _ => LateState(run, step),
        };
    }

    private static StepState LateState(RunDto run, StepDto step)
    {
        if (run.Status != Core.Runs.RunStatus.Running)
        {
            return Api.Models.StepState.Active;
        }

        var levels = new List<int>();
        if (step.IsLate && (step.Kind != StepKind.Collect || step.UnitTasks.Any(u => u.Status == UnitTaskStatus.Submitted)))
        {
            levels.Add(step.EscalationLevel);
        }

        levels.AddRange(step.UnitTasks.Where(u => u.IsLate).Select(u => u.EscalationLevel));
        return levels.Count == 0 ? Api.Models.StepState.Active
            : levels.Any(l => l >= 2) ? Api.Models.StepState.Escalated
            : Api.Models.StepState.Late;
    }

    /// <summary>CSS class of a state (colours live in app.css, shared by cards, flowchart and legends).</summary>
    public static string CssOf(StepState state) => "st-" + state.ToString().ToLowerInvariant();
}
