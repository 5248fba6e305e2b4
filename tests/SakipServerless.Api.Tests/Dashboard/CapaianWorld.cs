using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Tests.Dashboard;

/// <summary>
/// Kesbangpol with four indicators, one per aggregation rule, and realisasi of triwulan I and II sent by its three units
/// over HTTP; the pemda caps capaian at 120 %. Read-only tests share it (xunit class fixture), so it is arranged once.
/// </summary>
/// <remarks>
/// Accepted values per unit (ideologi / ketahanan / politik):
/// <code>
///                   TW I          TW II (politik submitted, never accepted: 10 / 5 / 5 / 10)
/// iku-1 %           60/70/80      90/90      → mean   70 | 90
/// iku-2 kejadian    1/0/0         0/0        → sum     1 | 0
/// iku-3 kegiatan    1/1/0         1/0        → sum     2 | 1
/// iku-4 indeks      60/70/80      80/84      → mean   70 | 82
/// </code>
/// </remarks>
public sealed class CapaianWorld : IAsyncLifetime
{
    public const string SasaranPartisipasi = "Meningkatnya partisipasi politik masyarakat";

    public ApiFactory Factory { get; } = new();

    public TestWorld World { get; private set; } = null!;

    internal RunDriver Drive { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = new TestWorld(Factory);
        await World.SeedAsync();
        var tenant = await World.Documents.GetAsync<Tenant>(TestWorld.Tenant, DocumentKinds.Tenant, TestWorld.Tenant);
        await World.Documents.PutAsync(TestWorld.Tenant, DocumentKinds.Tenant, TestWorld.Tenant, tenant! with { CapaianCap = 120 });
        await World.Documents.PutAsync(TestWorld.Tenant, DocumentKinds.Indicator, "kesbangpol-iku-3",
            Indicator("kesbangpol-iku-3", "Jumlah kegiatan pendidikan politik", "kegiatan", AggregationType.Kumulatif, [2, 2, 2, 2], 8));
        await World.Documents.PutAsync(TestWorld.Tenant, DocumentKinds.Indicator, "kesbangpol-iku-4",
            Indicator("kesbangpol-iku-4", "Indeks kepuasan layanan kemitraan", "indeks", AggregationType.RataRata, [70, 70, 80, 80], 75));
        await World.Documents.PutAsync(TestWorld.Tenant, DocumentKinds.User, "irban",
            new AppUser { Id = "irban", TenantId = TestWorld.Tenant, Name = "Irban", Roles = ["inspektorat"] });

        Drive = new RunDriver(World);
        const string opd = TestWorld.Opd;
        string q1 = await Drive.StartAsync(opd, "2026-Q1");
        await Drive.OpenCollectAsync(opd, q1);
        await Drive.SubmitAndAcceptAsync(opd, q1, "bid-ideologi", ("iku-1", 60), ("iku-2", 1), ("iku-3", 1), ("iku-4", 60));
        await Drive.SubmitAndAcceptAsync(opd, q1, "bid-ketahanan", ("iku-1", 70), ("iku-2", 0), ("iku-3", 1), ("iku-4", 70));
        await Drive.SubmitAndAcceptAsync(opd, q1, "bid-politik", ("iku-1", 80), ("iku-2", 0), ("iku-3", 0), ("iku-4", 80));

        string q2 = await Drive.StartAsync(opd, "2026-Q2");
        await Drive.OpenCollectAsync(opd, q2);
        await Drive.SubmitAndAcceptAsync(opd, q2, "bid-ideologi", ("iku-1", 90), ("iku-2", 0), ("iku-3", 1), ("iku-4", 80));
        await Drive.SubmitAndAcceptAsync(opd, q2, "bid-ketahanan", ("iku-1", 90), ("iku-2", 0), ("iku-3", 0), ("iku-4", 84));
        await Drive.SubmitAsync(opd, q2, "bid-politik", ("iku-1", 10), ("iku-2", 5), ("iku-3", 5), ("iku-4", 10));
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    private static IndicatorRecord Indicator(string id, string name, string satuan, AggregationType aggregation, decimal[] targets, decimal tahunan) => new()
    {
        Id = id,
        TenantId = TestWorld.Tenant,
        OpdId = TestWorld.Opd,
        Year = 2026,
        Sasaran = SasaranPartisipasi,
        Name = name,
        Satuan = satuan,
        Polarity = Polarity.Positive,
        Aggregation = aggregation,
        TargetTahunan = tahunan,
        TargetQ1 = targets[0],
        TargetQ2 = targets[1],
        TargetQ3 = targets[2],
        TargetQ4 = targets[3],
    };
}
