namespace SakipServerless.Core.Runs;

/// <summary>
/// Who issues a command: a user with role ids (the SOP's roles plus the engine's well-known ones) and,
/// for unit staff, the unit they belong to. The sweep acts as <see cref="System"/>.
/// </summary>
public sealed record Actor(string UserId, string Name, IReadOnlySet<string> Roles, string? UnitId = null)
{
    public static Actor System { get; } = new("system", "Sistem", new HashSet<string> { WellKnownRoles.System });

    /// <summary>Who starts a run by the template's schedule; its id in history tells a scheduled start from one by hand.</summary>
    public static Actor Scheduler { get; } = new(SchedulerId, "Penjadwal", new HashSet<string> { WellKnownRoles.System });

    public const string SchedulerId = "scheduler";

    public bool Has(string role) => Roles.Contains(role);

    public bool IsAdmin => Roles.Contains(WellKnownRoles.Admin);

    /// <summary>Suspend, resume, terminate and restart are for the head of the OPD and administrators.</summary>
    public bool CanManageRuns => IsAdmin || Roles.Contains(WellKnownRoles.HeadOfOpd);

    public static Actor Create(string userId, string name, params string[] roles) => new(userId, name, roles.ToHashSet(StringComparer.Ordinal));

    public static Actor ForUnit(string userId, string name, string unitId, params string[] roles) =>
        new(userId, name, roles.ToHashSet(StringComparer.Ordinal), unitId);
}
