namespace SakipServerless.Core.MasterData;

/// <summary>
/// A signed-in person: tenant, roles (well-known ones such as admin and pimpinan, and the SOP roles of their OPD),
/// and the OPD and unit they belong to. Roles without an OPD apply tenant-wide (admin, pimpinan, inspektorat).
/// </summary>
public sealed record AppUser
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public string? OpdId { get; init; }

    public string? UnitId { get; init; }

    /// <summary>Job title shown in the UI, e.g. "Kasubag Perencanaan".</summary>
    public string? Jabatan { get; init; }
}
