using SakipServerless.Core.Templates;

namespace SakipServerless.Core.Tests.Support;

/// <summary>Builds small templates for tests: roles in column order, steps with defaults that validate.</summary>
public sealed class TemplateBuilder
{
    private readonly List<SopRole> _roles = [];
    private readonly List<SopStep> _steps = [];
    private string _id = "uji-sop";

    public TemplateBuilder WithId(string id)
    {
        _id = id;
        return this;
    }

    public TemplateBuilder Role(string id, string? title = null)
    {
        _roles.Add(new SopRole(id, title ?? id));
        return this;
    }

    public TemplateBuilder Step(string id, StepKind kind, string actor, string duration = "PT1H", Func<SopStep, SopStep>? configure = null)
    {
        var step = new SopStep
        {
            No = _steps.Count + 1,
            Id = id,
            Activity = $"Kegiatan {id}",
            Kind = kind,
            Actors = [actor],
            Duration = new StepDuration(duration),
            Output = $"Output {id}",
        };
        _steps.Add(configure is null ? step : configure(step));
        return this;
    }

    public SopTemplate Build() => new()
    {
        Id = _id,
        Version = 1,
        Title = "SOP Uji",
        Agency = new SopAgency("Badan Uji", TimeZone: "Asia/Makassar"),
        Roles = [.. _roles],
        Steps = [.. _steps],
    };

    /// <summary>A template with every step kind: disposition → collect → task → review (returns to task) → rekap.</summary>
    public static SopTemplate Standard() => new TemplateBuilder()
        .Role("kabid", "Kepala Bidang")
        .Role("kasubag", "Kasubag Perencanaan")
        .Role("analis", "Analis")
        .Step("disposisi", StepKind.Disposition, "kabid", "PT15M", s => s with { Kelengkapan = ["Indikator Sasaran"] })
        .Step("kumpul", StepKind.Collect, "kasubag", "P1D")
        .Step("susun", StepKind.Task, "analis", "PT2H")
        .Step("periksa", StepKind.Review, "kabid", "PT1H", s => s with { OnReturn = "susun" })
        .Step("semester", StepKind.Rekap, "kasubag", "P2D", s => s with { When = StepWhen.SemesterEnd })
        .Step("tahunan", StepKind.Task, "kasubag", "P1D", s => s with { When = StepWhen.YearEnd, Duration = new StepDuration("P1D", Tahunan: "P15D") })
        .Build();
}
