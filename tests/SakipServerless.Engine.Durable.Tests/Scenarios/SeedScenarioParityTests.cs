using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Engine.Durable.Tests.Support;

namespace SakipServerless.Engine.Durable.Tests.Scenarios;

/// <summary>
/// The five seed SOPs, played by the same people on both engines, end the same way: step states, escalation levels,
/// history kinds and capaian. The durable run takes its time from its orchestration, its deadlines from durable
/// timers, and is read back from the projection in the store.
/// </summary>
public abstract class SeedScenarioParityTests(DurableHost host)
{
    public static TheoryData<string> Seeds() =>
    [
        "jeneponto-kesbangpol-pengumpulan-data-kinerja",
        "balangan-bappedalitbang-pengumpulan-data-kinerja",
        "bantul-inspektorat-pengumpulan-data-kinerja",
        "samboja-kecamatan-pengumpulan-data-kinerja",
        "batui-selatan-kecamatan-pengumpulan-data-kinerja",
    ];

    protected abstract Period Period { get; }

    /// <summary>15:50 local time on the day the period's data is collected, as in the Core's scenarios.</summary>
    protected abstract DateTimeOffset Start { get; }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task SeedRun_EndsTheSameOnBothEngines(string templateId)
    {
        var template = ShortTemplates.Shortened(templateId);

        var embedded = ScenarioObservation.Of(await new SeedScenario(new EmbeddedScenarioEngine(), template).PlayAsync(Period, Start));
        var durable = ScenarioObservation.Of(await new SeedScenario(new DurableScenarioEngine(host), template).PlayAsync(Period, Start));

        Assert.Equal(RunStatus.Completed, embedded.Status);
        Assert.True(embedded.NotificationsLevel2 > 0, "the first deadline was not escalated to level 2");
        Assert.NotEmpty(embedded.Capaian);
        Assert.Equal(embedded.ToString(), durable.ToString()); // one diff that names the first difference
        Assert.Equal(embedded.HistoryKinds, durable.HistoryKinds);
    }
}

public sealed class FirstQuarterParityTests(DurableHost host) : SeedScenarioParityTests(host), IClassFixture<DurableHost>
{
    protected override Period Period => new(2026, 1);

    protected override DateTimeOffset Start => new(2026, 4, 2, 15, 50, 0, TimeSpan.FromHours(8));
}

/// <summary>The fourth quarter also runs the semester and year-end steps.</summary>
public sealed class FourthQuarterParityTests(DurableHost host) : SeedScenarioParityTests(host), IClassFixture<DurableHost>
{
    protected override Period Period => new(2026, 4);

    protected override DateTimeOffset Start => new(2026, 12, 23, 15, 50, 0, TimeSpan.FromHours(8));
}
