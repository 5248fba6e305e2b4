using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Notifications;

/// <summary>Short Indonesian headings per notification kind, for the inbox list and the webhook payload.</summary>
public static class NotificationTitles
{
    public static string Of(NotificationKind kind) => kind switch
    {
        NotificationKind.TaskAssigned => "Tugas baru",
        NotificationKind.UnitTaskAssigned => "Permintaan data untuk unit",
        NotificationKind.StepReturned => "Pekerjaan dikembalikan",
        NotificationKind.UnitTaskReturned => "Kiriman unit dikembalikan",
        NotificationKind.StepLate => "Langkah terlambat",
        NotificationKind.StepEscalated => "Eskalasi ke Kepala OPD",
        NotificationKind.UnitTaskLate => "Unit terlambat mengirim data",
        NotificationKind.UnitTaskEscalated => "Eskalasi keterlambatan unit",
        NotificationKind.RunSuspended => "Run ditangguhkan",
        NotificationKind.RunResumed => "Run dilanjutkan",
        NotificationKind.RunCompleted => "Run selesai",
        NotificationKind.RunTerminated => "Run dihentikan",
        _ => "Notifikasi",
    };
}
