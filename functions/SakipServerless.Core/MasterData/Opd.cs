using SakipServerless.Core.Runs;

namespace SakipServerless.Core.MasterData;

/// <summary>An agency of a pemda (Badan, Dinas, Inspektorat, Kecamatan) with its units and the SOP it follows.</summary>
public sealed record Opd
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string Name { get; init; }

    /// <summary>The SOP template id the OPD runs each period (its latest published version is used at start).</summary>
    public required string TemplateId { get; init; }

    public IReadOnlyList<OrgUnit> Units { get; init; } = [];
}
