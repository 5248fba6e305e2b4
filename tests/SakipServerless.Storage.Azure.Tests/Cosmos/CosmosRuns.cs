using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Storage.Azure.Tests.Cosmos;

/// <summary>Runs of the Jeneponto seed SOP for the Cosmos-only tests, on a fixed Monday in WITA.</summary>
internal static class CosmosRuns
{
    public static readonly DateTimeOffset Monday = new(2026, 4, 6, 8, 30, 0, TimeSpan.FromHours(8));
    public static readonly Actor Head = Actor.Create("kepala", "Kepala", WellKnownRoles.HeadOfOpd);
    public static readonly Actor Kabid = Actor.Create("kabid", "Kabid", "kabid");
    public const string FirstStep = "menugaskan-kasubag-kasubid";

    private static readonly SopTemplate Template =
        SopTemplateJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", "jeneponto-kesbangpol-pengumpulan-data-kinerja.json")));

    public static RunContext At(DateTimeOffset now) => new(Template, WorkCalendar.ForZone("Asia/Makassar"), EscalationPolicy.Default, now);

    public static SopRun New(string id, string tenant = "t1", string opd = "o1", int quarter = 1) =>
        SopRun.Start(id, tenant, opd, new Period(2026, quarter), [new OrgUnit("u1", "Unit 1")], Head, At(Monday));

    public static StepCompletion Disposition => new("Disposisi", "Indikator Sasaran");
}
