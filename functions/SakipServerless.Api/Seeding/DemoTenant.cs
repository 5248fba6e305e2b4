namespace SakipServerless.Api.Seeding;

/// <summary>One demo pemda: its zone, its one OPD with units and indicators, and the state its current-quarter run is left in.</summary>
internal sealed record DemoTenant
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>IANA zone (WIB/WITA/WIT); due times of the demo runs are counted in it.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Jabatan of the demo pimpinan user (the Sekda), who reads across OPDs.</summary>
    public required string PimpinanTitle { get; init; }

    public required DemoOpd Opd { get; init; }

    /// <summary>Where the run of the current quarter stands when seeding ends.</summary>
    public required DemoRunState CurrentRun { get; init; }

    public required IReadOnlyList<DemoUnit> Units { get; init; }

    public required IReadOnlyList<DemoIndicator> Indicators { get; init; }
}
