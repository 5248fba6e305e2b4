using SakipServerless.Core.Calendar;
using SakipServerless.Core.Templates;

namespace SakipServerless.Engine.Durable.Tests.Support;

/// <summary>
/// Seed templates with short durations in plain elapsed time, so deadlines pass in seconds on the test host (whose
/// timers follow real time) while the flow, roles, kelengkapan and review returns stay the seed's own.
/// </summary>
public static class ShortTemplates
{
    /// <summary>The first step: short, so the "nobody acts" part of a scenario escalates in a few seconds.</summary>
    public const string FirstStep = "PT5M";

    /// <summary>Every other step: long against the time a scenario needs to act on it, so nothing else escalates.</summary>
    public const string OtherSteps = "PT60M";

    /// <summary>Level 2 one minute after the deadline.</summary>
    public static WorkDuration Grace { get; } = WorkDuration.FromMinutes(1);

    /// <summary><see cref="Grace"/> as elapsed time (the shortened templates count plain time).</summary>
    public static TimeSpan GraceElapsed { get; } = TimeSpan.FromMinutes(1);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "sop");

    public static SopTemplate Seed(string id) =>
        TemplateValidator.EnsureValid(SopTemplateJson.Parse(File.ReadAllText(Path.Combine(Folder, id + ".json"))));

    public static SopTemplate Shortened(string id)
    {
        var seed = Seed(id);
        return seed with
        {
            Calendar = CalendarMode.Calendar,
            Steps = [.. seed.Steps.Select((s, i) => s with { Duration = new StepDuration(i == 0 ? FirstStep : OtherSteps) })],
        };
    }
}
