using SakipServerless.Core.Templates;
using SakipServerless.Dashboard.Api.Models;

namespace SakipServerless.Dashboard.Runs;

/// <summary>What the live part of a run's page shows: the run, its pinned template and the backend's clock at reading.</summary>
public sealed class RunLiveView
{
    public RunDto? Run { get; set; }

    public SopTemplate? Template { get; set; }

    public DateTimeOffset Now { get; set; }
}
