using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Notifications;

/// <summary>
/// Who receives an outbox message: users of the message's OPD holding one of its roles (the head of the OPD is the
/// role <c>kepala-opd</c>), and users of its unit. Tenant-wide users (admin, pimpinan) have no OPD and are not addressed.
/// </summary>
public static class RecipientResolver
{
    public static IReadOnlyList<AppUser> Resolve(OutboxMessage message, IEnumerable<AppUser> tenantUsers)
    {
        var n = message.Notification;
        return tenantUsers
            .Where(u => u.TenantId == message.TenantId && u.OpdId == message.OpdId)
            .Where(u => u.Roles.Any(n.RecipientRoles.Contains) || n.RecipientUnitId is { } unit && u.UnitId == unit)
            .OrderBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
    }
}
