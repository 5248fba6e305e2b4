using SakipServerless.Core.Templates;

namespace SakipServerless.Core.Runs;

/// <summary>Bahasa Indonesia names of states and triggers, for messages a user reads.</summary>
public static class Labels
{
    public static string Of(RunStatus s) => s switch
    {
        RunStatus.Running => "berjalan",
        RunStatus.Suspended => "ditangguhkan",
        RunStatus.Completed => "selesai",
        RunStatus.Terminated => "dihentikan",
        _ => s.ToString(),
    };

    public static string Of(StepStatus s) => s switch
    {
        StepStatus.Pending => "menunggu",
        StepStatus.Active => "aktif",
        StepStatus.Done => "selesai",
        StepStatus.Returned => "dikembalikan",
        StepStatus.Skipped => "tidak berlaku pada periode ini",
        _ => s.ToString(),
    };

    public static string Of(UnitTaskStatus s) => s switch
    {
        UnitTaskStatus.Open => "menunggu kiriman",
        UnitTaskStatus.Submitted => "sudah dikirim",
        UnitTaskStatus.Accepted => "diterima",
        UnitTaskStatus.Returned => "dikembalikan untuk diperbaiki",
        _ => s.ToString(),
    };

    public static string Of(StepKind k) => k switch
    {
        StepKind.Disposition => "disposisi",
        StepKind.Task => "tugas",
        StepKind.Collect => "pengumpulan data",
        StepKind.Review => "pemeriksaan",
        StepKind.Rekap => "rekapitulasi",
        StepKind.Meeting => "rapat",
        _ => k.ToString(),
    };

    public static string Of(RunTrigger t) => t switch
    {
        RunTrigger.Suspend => "ditangguhkan",
        RunTrigger.Resume => "dilanjutkan",
        RunTrigger.Terminate => "dihentikan",
        RunTrigger.Finish => "diselesaikan",
        _ => t.ToString(),
    };

    public static string Of(StepTrigger t) => t switch
    {
        StepTrigger.Activate => "diaktifkan",
        StepTrigger.Complete => "diselesaikan (gunakan setujui/kembalikan untuk pemeriksaan, kiriman unit untuk pengumpulan data)",
        StepTrigger.FanIn => "ditutup oleh kiriman unit",
        StepTrigger.Approve => "disetujui",
        StepTrigger.Return => "dikembalikan",
        StepTrigger.Escalate => "dieskalasi",
        StepTrigger.Rework => "dikerjakan ulang",
        StepTrigger.Reset => "diulang",
        StepTrigger.Skip => "dilewati",
        StepTrigger.Restart => "dimulai ulang",
        _ => t.ToString(),
    };

    public static string Of(UnitTaskTrigger t) => t switch
    {
        UnitTaskTrigger.Submit => "dikirim",
        UnitTaskTrigger.Accept => "diterima",
        UnitTaskTrigger.Return => "dikembalikan",
        UnitTaskTrigger.Escalate => "dieskalasi",
        UnitTaskTrigger.Reopen => "dibuka ulang",
        _ => t.ToString(),
    };
}
