using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Core.Templates;

namespace SakipServerless.Functions.Tests.Support;

/// <summary>One pemda with one OPD on a seed template and a user for each of its roles, put straight into a host's store.</summary>
public static class World
{
    public const string Tenant = "jeneponto";
    public const string Opd = "kesbangpol";
    public const string TemplateId = "jeneponto-kesbangpol-pengumpulan-data-kinerja";
    public const string Head = "kesbangpol-kepala";

    public static readonly IReadOnlyList<OrgUnit> Units =
    [
        new("bid-ideologi", "Bidang Ideologi, Wawasan Kebangsaan dan Kewaspadaan Nasional"),
        new("bid-politik", "Bidang Politik Dalam Negeri"),
    ];

    public static SopTemplate Template { get; } =
        SopTemplateJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", TemplateId + ".json")));

    public static async Task SeedAsync(IServiceProvider services)
    {
        var documents = services.GetRequiredService<IDocumentStore>();
        await documents.PutAsync(Tenant, DocumentKinds.Tenant, Tenant, new Tenant { Id = Tenant, Name = "Kabupaten Jeneponto", TimeZone = "Asia/Makassar" });
        await documents.PutAsync(Tenant, DocumentKinds.Template, $"{Template.Id}@1", Template);
        await documents.PutAsync(Tenant, DocumentKinds.Opd, Opd, new Opd { Id = Opd, TenantId = Tenant, Name = "KESBANGPOL", TemplateId = Template.Id, Units = Units });
        foreach (var role in Template.Roles)
        {
            await PutUserAsync(documents, $"{Opd}-{role.Id}", [role.Id]);
        }

        await PutUserAsync(documents, Head, [WellKnownRoles.HeadOfOpd]);
    }

    /// <summary>A bearer token from the development sign-in, through whichever host <paramref name="send"/> reaches.</summary>
    public static async Task<string> SignInAsync(Func<HttpCall, Task<HttpAnswer>> send, string userId)
    {
        var answer = await send(HttpCall.Post("/api/dev/token", JsonSerializer.Serialize(new { tenantId = Tenant, userId })));
        Assert.True(answer.Status == 200, $"sign-in as {userId}: {answer.Status} {answer.Body}");
        return answer.Json().GetProperty("accessToken").GetString()!;
    }

    private static Task PutUserAsync(IDocumentStore documents, string id, string[] roles) =>
        documents.PutAsync(Tenant, DocumentKinds.User, id, new AppUser { Id = id, TenantId = Tenant, Name = id, Roles = roles, OpdId = Opd });
}
