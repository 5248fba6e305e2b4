using System.Security.Claims;
using SakipServerless.Core.Runs;
using SakipServerless.Dashboard.Api.Models;
using SakipServerless.Dashboard.Auth;

namespace SakipServerless.Dashboard.Notifications;

/// <summary>
/// Where a notification leads its reader: to the task form when the reader is the one who must act on it (a unit's own
/// staff, a step's assignee told of new work or a return), else to the step or unit on the run's page, where who holds
/// it and since when can be seen.
/// </summary>
public static class NotificationTarget
{
    public static string Of(InboxItemDto item, ClaimsPrincipal reader)
    {
        string run = Uri.EscapeDataString(item.RunId);
        bool unitKind = item.Kind is NotificationKind.UnitTaskAssigned or NotificationKind.UnitTaskReturned
            or NotificationKind.UnitTaskLate or NotificationKind.UnitTaskEscalated;
        if (unitKind && item.StepId is { } unitStep && item.UnitId is { } unit)
        {
            return DashboardClaims.Unit(reader) == unit
                ? $"/tugas/unit/{run}/{Uri.EscapeDataString(unitStep)}/{Uri.EscapeDataString(unit)}"
                : $"/pelaksanaan/{run}#unit-{unitStep}-{unit}";
        }

        if (item.StepId is { } step)
        {
            return item.Kind is NotificationKind.TaskAssigned or NotificationKind.StepReturned
                ? $"/tugas/langkah/{run}/{Uri.EscapeDataString(step)}"
                : $"/pelaksanaan/{run}#langkah-{step}";
        }

        return $"/pelaksanaan/{run}";
    }
}
