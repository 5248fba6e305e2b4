using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Cli.Commands;

/// <summary>
/// <c>demo</c>: runs a seed SOP for one OPD under simulated time and prints its timeline — the quickest way to see
/// due times in working time, a late unit escalating to the head of the OPD, and a review returning work.
/// </summary>
public static class DemoCommand
{
    private const string DefaultSop = "jeneponto-kesbangpol-pengumpulan-data-kinerja";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string sop = Option(args, "--sop") ?? DefaultSop;
        string periodText = Option(args, "--periode") ?? "2026-Q4";
        if (!Period.TryParse(periodText, out var period))
        {
            stderr.WriteLine($"Periode '{periodText}' tidak dikenali; gunakan format 2026-Q1 sampai 2026-Q4.");
            return 2;
        }

        SopTemplate template;
        try
        {
            template = TemplateValidator.EnsureValid(SopTemplateJson.Parse(File.ReadAllText(LocateTemplate(sop))));
        }
        catch (Exception e) when (e is IOException or TemplateFormatException or TemplateValidationException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Template '{sop}' tidak dapat dimuat: {e.Message}");
            return 2;
        }

        var simulation = new DemoSimulation(template, period);
        simulation.Play();
        Print(simulation, stdout);
        return simulation.Run.Status == RunStatus.Completed ? 0 : 1;
    }

    private static void Print(DemoSimulation sim, TextWriter stdout)
    {
        var run = sim.Run;
        stdout.WriteLine($"SOP      : {sim.Template.Title} (versi {sim.Template.Version})");
        stdout.WriteLine($"Instansi : {sim.Template.Agency.Name}{(sim.Template.Agency.Region is { } r ? ", " + r : "")}");
        stdout.WriteLine($"Periode  : {run.Period.Label}   Zona waktu: {sim.Calendar.TimeZone.Id}");
        stdout.WriteLine(new string('-', 100));
        foreach (var e in run.History)
        {
            string when = IndonesianFormat.DateTime(sim.Calendar.ToLocal(e.At));
            string why = e.Reason is { Length: > 0 } reason && e.Type is RunEventType.StepReturned or RunEventType.UnitTaskReturned ? $" Alasan: {reason}" : "";
            stdout.WriteLine($"{when,-38} {Marker(e.Type)} {e.Detail}{why}");
        }

        stdout.WriteLine(new string('-', 100));
        int late = run.Steps.Count(s => s.CompletedLate);
        stdout.WriteLine($"Status: {Labels.Of(run.Status)}. {run.History.Count} catatan riwayat, {run.Outbox.Count} notifikasi, {late} langkah selesai terlambat.");
    }

    private static string Marker(RunEventType type) => type switch
    {
        RunEventType.StepLate or RunEventType.UnitTaskLate => "[TERLAMBAT]",
        RunEventType.StepEscalated or RunEventType.UnitTaskEscalated => "[ESKALASI] ",
        RunEventType.StepReturned or RunEventType.UnitTaskReturned => "[KEMBALI]  ",
        RunEventType.RunCompleted => "[SELESAI]  ",
        _ => "           ",
    };

    /// <summary>An id is looked up in the sop/ folder copied beside the program (or the repository's when run from source); a path is used as is.</summary>
    private static string LocateTemplate(string sop)
    {
        if (sop.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return sop;
        }

        string beside = Path.Combine(AppContext.BaseDirectory, "sop", sop + ".json");
        return File.Exists(beside) ? beside : Path.Combine("sop", sop + ".json");
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
