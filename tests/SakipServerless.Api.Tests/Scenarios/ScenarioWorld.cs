using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Seeding;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Tests.Scenarios;

/// <summary>
/// Arranges the pemda of one seed SOP from the demo data, cut down to three units: its tenant (zone), OPD, the demo
/// users (one per SOP role, <c>kepala</c>, <c>staf-&lt;unit&gt;</c>) and its indicators with targets for the year, so
/// a scenario acts and asserts through HTTP only. Also signs users in, again after the clock jumped past a token's life.
/// </summary>
internal sealed class ScenarioWorld
{
    private readonly Dictionary<string, (HttpClient Client, DateTimeOffset IssuedAt)> _clients = [];

    private ScenarioWorld(ApiFactory factory, DemoTenant tenant, SopTemplate template)
    {
        Factory = factory;
        Tenant = tenant;
        Template = template;
    }

    public ApiFactory Factory { get; }

    /// <summary>The demo pemda with only its first three units.</summary>
    public DemoTenant Tenant { get; }

    public SopTemplate Template { get; }

    public IReadOnlyList<DemoUnit> Units => Tenant.Units;

    public static async Task<ScenarioWorld> ArrangeAsync(ApiFactory factory, string templateId, int year)
    {
        var demo = DemoData.Load().Tenants.Single(t => t.Opd.TemplateId == templateId);
        var tenant = demo with { Units = demo.Units.Take(3).ToList() };
        var template = TestWorld.LoadTemplate(templateId) with { Version = 1 };
        var documents = factory.Services.GetRequiredService<IDocumentStore>();

        var writes = new List<DocumentWrite>
        {
            new(tenant.Id, DocumentKinds.Tenant, tenant.Id, new Tenant { Id = tenant.Id, Name = tenant.Name, TimeZone = tenant.TimeZone }),
            new(tenant.Id, DocumentKinds.Template, template.VersionKey, template),
            new(tenant.Id, DocumentKinds.Opd, tenant.Opd.Id, new Opd
            {
                Id = tenant.Opd.Id,
                TenantId = tenant.Id,
                Name = tenant.Opd.Name,
                TemplateId = template.Id,
                Units = tenant.Units.Select(u => new OrgUnit(u.Id, u.Name)).ToList(),
            }),
        };
        writes.AddRange(DemoUsers.For(tenant, template, tenant.Units).Select(u => new DocumentWrite(tenant.Id, DocumentKinds.User, u.Id, u)));
        writes.AddRange(tenant.Indicators.Select(i => i.ToRecord(tenant.Id, tenant.Opd.Id, year)).Select(r => new DocumentWrite(tenant.Id, DocumentKinds.Indicator, r.Id, r)));
        await documents.PutManyAsync(writes);
        return new ScenarioWorld(factory, tenant, template);
    }

    /// <summary>The user who holds the role (the head of the OPD for the head's own SOP role).</summary>
    public string UserFor(string roleId) => DemoUsers.ForRole(Tenant, roleId);

    /// <summary>A client signed in as <paramref name="userId"/>; signed in again once the manual clock moved past a few hours.</summary>
    public async Task<HttpClient> ClientAsync(string userId)
    {
        var now = Factory.Clock.GetUtcNow();
        if (_clients.TryGetValue(userId, out var cached) && now - cached.IssuedAt < TimeSpan.FromHours(4))
        {
            return cached.Client;
        }

        var client = Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/dev/token", new { tenantId = Tenant.Id, userId });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _clients[userId] = (client, now);
        return client;
    }
}
