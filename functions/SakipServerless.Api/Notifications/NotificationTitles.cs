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
        NotificationKind.RunSuspended => "Pelaksanaan SOP ditangguhkan",
        NotificationKind.RunResumed => "Pelaksanaan SOP dilanjutkan",
        NotificationKind.RunCompleted => "Pelaksanaan SOP selesai",
        NotificationKind.RunTerminated => "Pelaksanaan SOP dihentikan",
        _ => "Notifikasi",
    };
}
