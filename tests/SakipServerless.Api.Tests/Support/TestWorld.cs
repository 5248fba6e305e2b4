using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Core;
using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Tests.Support;

/// <summary>
/// Arranges master data straight into the app's stores (tenants, OPDs with three units, users for every SOP role,
/// indicators with targets, the seed templates), so tests act and assert through HTTP only.
/// </summary>
public sealed class TestWorld
{
    public const string Tenant = "jeneponto";
    public const string OtherTenant = "bantul";
    public const string Opd = "kesbangpol";
    public const string OtherOpd = "bappeda";
    public const string TemplateId = "jeneponto-kesbangpol-pengumpulan-data-kinerja";

    public static readonly IReadOnlyList<OrgUnit> Units =
    [
        new("bid-ideologi", "Bidang Ideologi, Wawasan Kebangsaan dan Kewaspadaan Nasional"),
        new("bid-ketahanan", "Bidang Ketahanan dan Kemasyarakatan"),
        new("bid-politik", "Bidang Politik Dalam Negeri"),
    ];

    public TestWorld(ApiFactory factory)
    {
        Factory = factory;
        Documents = factory.Services.GetRequiredService<IDocumentStore>();
    }

    public ApiFactory Factory { get; }

    public IDocumentStore Documents { get; }

    public static SopTemplate LoadTemplate(string id) =>
        SopTemplateJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", id + ".json")));

    /// <summary>Two OPDs in one pemda (WITA) running <paramref name="templateId"/>, and a second pemda; users for every role.</summary>
    public async Task SeedAsync(string templateId = TemplateId, string timeZone = "Asia/Makassar")
    {
        var template = LoadTemplate(templateId);
        foreach (var (tenant, zone) in new[] { (Tenant, timeZone), (OtherTenant, "Asia/Jakarta") })
        {
            await Documents.PutAsync(tenant, DocumentKinds.Tenant, tenant, new Tenant { Id = tenant, Name = "Kabupaten " + tenant, TimeZone = zone });
            await Documents.PutAsync(tenant, DocumentKinds.Template, $"{template.Id}@1", template);
            foreach (var opd in new[] { Opd, OtherOpd })
            {
                await Documents.PutAsync(tenant, DocumentKinds.Opd, opd, new Opd { Id = opd, TenantId = tenant, Name = opd.ToUpperInvariant(), TemplateId = template.Id, Units = Units });
                foreach (var role in template.Roles)
                {
                    await PutUserAsync(tenant, $"{opd}-{role.Id}", [role.Id], opd);
                }

                await PutUserAsync(tenant, $"{opd}-kepala", [WellKnownRoles.HeadOfOpd], opd);
                foreach (var unit in Units)
                {
                    await PutUserAsync(tenant, $"{opd}-{unit.Id}", [], opd, unit.Id);
                }

                await Documents.PutAsync(tenant, DocumentKinds.Indicator, $"{opd}-iku-1", Indicator(tenant, opd, "iku-1", "Persentase penyelesaian konflik sosial", "%", Polarity.Positive));
                await Documents.PutAsync(tenant, DocumentKinds.Indicator, $"{opd}-iku-2", Indicator(tenant, opd, "iku-2", "Jumlah kejadian konflik sosial", "kejadian", Polarity.Negative));
            }

            await PutUserAsync(tenant, "admin", [WellKnownRoles.Admin], null);
            await PutUserAsync(tenant, "sekda", [WellKnownRoles.Pimpinan], null);
        }
    }

    private static IndicatorRecord Indicator(string tenant, string opd, string id, string name, string satuan, Polarity polarity) => new()
    {
        Id = $"{opd}-{id}",
        TenantId = tenant,
        OpdId = opd,
        Year = 2026,
        Sasaran = "Meningkatnya toleransi dan kerukunan",
        Name = name,
        Satuan = satuan,
        Polarity = polarity,
        Aggregation = AggregationType.NonKumulatif,
        TargetTahunan = polarity == Polarity.Positive ? 90 : 2,
        TargetQ1 = polarity == Polarity.Positive ? 80 : 1,
        TargetQ2 = polarity == Polarity.Positive ? 85 : 1,
        TargetQ3 = polarity == Polarity.Positive ? 88 : 2,
        TargetQ4 = polarity == Polarity.Positive ? 90 : 2,
    };

    private Task PutUserAsync(string tenant, string id, string[] roles, string? opd, string? unit = null) =>
        Documents.PutAsync(tenant, DocumentKinds.User, id, new AppUser { Id = id, TenantId = tenant, Name = id, Roles = roles, OpdId = opd, UnitId = unit });

    /// <summary>An HTTP client signed in as a seeded user through the development sign-in.</summary>
    public async Task<HttpClient> ClientAsync(string userId, string tenant = Tenant)
    {
        var client = Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/dev/token", new { tenantId = tenant, userId });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static JsonSerializerOptions Json => CoreJson.Options;
}
