extern alias dashboard;

using System.Security.Claims;
using dashboard::SakipServerless.Dashboard.Api.Models;
using dashboard::SakipServerless.Dashboard.Auth;
using dashboard::SakipServerless.Dashboard.Notifications;
using SakipServerless.Core.Runs;

namespace SakipServerless.Dashboard.Tests.Unit;

/// <summary>A notification leads whoever must act to the form, and everyone else to the place on the run's page.</summary>
public sealed class NotificationTargetTests
{
    [Theory]
    [InlineData(NotificationKind.UnitTaskReturned, "desa-maasing", "/tugas/unit/run-1/kumpul/desa-maasing")]
    [InlineData(NotificationKind.UnitTaskLate, "desa-maasing", "/tugas/unit/run-1/kumpul/desa-maasing")]
    [InlineData(NotificationKind.UnitTaskLate, null, "/pelaksanaan/run-1#unit-kumpul-desa-maasing")]
    [InlineData(NotificationKind.UnitTaskEscalated, "desa-lain", "/pelaksanaan/run-1#unit-kumpul-desa-maasing")]
    public void UnitNotices_LeadTheUnitsOwnStaffToTheForm(NotificationKind kind, string? readersUnit, string expected) =>
        Assert.Equal(expected, NotificationTarget.Of(Item(kind, "kumpul", "desa-maasing"), Reader(readersUnit)));

    [Theory]
    [InlineData(NotificationKind.TaskAssigned, "/tugas/langkah/run-1/rekap")]
    [InlineData(NotificationKind.StepReturned, "/tugas/langkah/run-1/rekap")]
    [InlineData(NotificationKind.StepLate, "/pelaksanaan/run-1#langkah-rekap")]
    [InlineData(NotificationKind.StepEscalated, "/pelaksanaan/run-1#langkah-rekap")]
    public void StepNotices_LeadTheAssigneeToTheStep_AndOthersToTheRun(NotificationKind kind, string expected) =>
        Assert.Equal(expected, NotificationTarget.Of(Item(kind, "rekap", null), Reader(null)));

    [Fact]
    public void RunNotices_LeadToTheRun() =>
        Assert.Equal("/pelaksanaan/run-1", NotificationTarget.Of(Item(NotificationKind.RunCompleted, null, null), Reader(null)));

    private static InboxItemDto Item(NotificationKind kind, string? step, string? unit) =>
        new("n-1", kind, "judul", "pesan", "opd", "run-1", step, unit, null, null, DateTimeOffset.UnixEpoch, null);

    private static ClaimsPrincipal Reader(string? unit) =>
        new(new ClaimsIdentity(unit is null ? [] : [new Claim(DashboardClaims.UnitId, unit)], "test"));
}
