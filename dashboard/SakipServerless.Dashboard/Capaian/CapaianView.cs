using SakipServerless.Dashboard.Api.Models;
using SakipServerless.Dashboard.Overview;

namespace SakipServerless.Dashboard.Capaian;

/// <summary>What the capaian page shows for one set of slicers.</summary>
public sealed class CapaianView
{
    public CapaianReportDto? Report { get; set; }

    public int CurrentYear { get; set; }

    public List<OpdOption> Opds { get; set; } = [];

    public List<string> Sasaran { get; set; } = [];
}
