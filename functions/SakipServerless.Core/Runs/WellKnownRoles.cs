namespace SakipServerless.Core.Runs;

/// <summary>Roles the engine knows besides the Pelaksana columns of each SOP.</summary>
public static class WellKnownRoles
{
    /// <summary>Head of the OPD (Kepala Badan/Dinas, Camat, Inspektur): receives level-2 escalations, manages runs.</summary>
    public const string HeadOfOpd = "kepala-opd";

    public const string Admin = "admin";

    /// <summary>Leadership across OPDs (Bupati, Sekda): reads dashboards.</summary>
    public const string Pimpinan = "pimpinan";

    public const string Inspektorat = "inspektorat";

    public const string System = "system";
}
