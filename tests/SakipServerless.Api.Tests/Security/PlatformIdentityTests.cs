using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Tests.Files;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Security;

/// <summary>Identity from App Service / Functions Authentication (<c>X-MS-CLIENT-PRINCIPAL</c>), trusted only in that mode.</summary>
public sealed class PlatformIdentityTests
{
    private static readonly Dictionary<string, string?> AppService = new()
    {
        ["Sakip:Identity:Mode"] = "appservice",
        ["Sakip:Development:EnableDevSignIn"] = "false",
    };

    /// <summary>The header as the platform writes it: Base64 of the principal JSON.</summary>
    public static string Principal(string? user, string? tenant, string userClaim = "sakip_user", string tenantClaim = "sakip_tenant")
    {
        var claims = new List<object> { new { typ = "name", val = "Pegawai Uji" }, new { typ = "preferred_username", val = "pegawai@jenepontokab.go.id" } };
        if (user is not null)
        {
            claims.Add(new { typ = userClaim, val = user });
        }

        if (tenant is not null)
        {
            claims.Add(new { typ = tenantClaim, val = tenant });
        }

        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims }));
    }

    private static HttpClient As(WebApplicationFactory<Program> factory, string user, string tenant = TestWorld.Tenant)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Principal(user, tenant));
        return client;
    }

    [Fact]
    public async Task InAppServiceMode_ThePrincipalSignsInTheMappedUser_AndWorksEndToEnd()
    {
        await using var factory = new ApiFactory(settings: AppService);
        await new TestWorld(factory).SeedAsync();

        var me = await (await As(factory, "kesbangpol-kabid").GetAsync("/api/me")).JsonAsync(HttpStatusCode.OK);
        var head = As(factory, "kesbangpol-kepala");
        string run = (await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q1" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var upload = await (await EvidenceWorld.UploadAsync(As(factory, "kesbangpol-bid-politik"), run, SampleFiles.Pdf(), "bukti.pdf")).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("kesbangpol-kabid", me.GetProperty("id").GetString());
        Assert.Equal("kesbangpol-bid-politik", upload.GetProperty("uploadedBy").GetString());
        await (await As(factory, "bappeda-kepala").GetAsync($"/api/runs/{run}/files")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task InAppServiceMode_ASingleTenantDeployment_NeedsNoTenantClaim()
    {
        await using var factory = new ApiFactory(settings: new Dictionary<string, string?>(AppService)
        {
            ["Sakip:Identity:TenantIdClaim"] = "",
            ["Sakip:Identity:TenantId"] = TestWorld.OtherTenant,
            ["Sakip:Identity:UserIdClaim"] = "preferred_username",
        });
        await new TestWorld(factory).SeedAsync();
        await new TestWorld(factory).Documents.PutAsync(TestWorld.OtherTenant, Core.Storage.DocumentKinds.User, "pegawai@jenepontokab.go.id",
            new Core.MasterData.AppUser { Id = "pegawai@jenepontokab.go.id", TenantId = TestWorld.OtherTenant, Name = "Pegawai" });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Principal(null, null));

        var me = await (await client.GetAsync("/api/me")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(TestWorld.OtherTenant, me.GetProperty("tenantId").GetString());
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("e30=")] // {} : no claims
    [InlineData("W10=")] // [] : not a principal
    [InlineData("eyJjbGFpbXMiOlt7InR5cCI6InNha2lwX3VzZXIiLCJ2YWwiOiJhZG1pbiJ9XX0=")] // a user, no tenant
    public async Task InAppServiceMode_AnUnusablePrincipal_Is401_AndLogged(string header)
    {
        var logs = new CapturedLogs();
        await using var factory = new ApiFactory(settings: AppService);
        await using var logged = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        await new TestWorld(factory).SeedAsync();
        var client = logged.CreateClient();
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", header);

        await (await client.GetAsync("/api/me")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains(logs.Entries, e => e.EventId == 7102);
    }

    [Fact]
    public async Task InAppServiceMode_APrincipalOfNoKnownUser_Is401()
    {
        await using var factory = new ApiFactory(settings: AppService);
        await new TestWorld(factory).SeedAsync();

        await (await As(factory, "orang-asing").GetAsync("/api/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await As(factory, "admin", "pemda-lain").GetAsync("/api/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task InAppServiceMode_BearerTokensAreNotAccepted_AndTheDevelopmentSignInIsOff()
    {
        await using var factory = new ApiFactory(settings: AppService);
        await new TestWorld(factory).SeedAsync();
        var options = factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(BearerTokenDefaults.AuthenticationScheme);
        var identity = new ClaimsIdentity([new Claim(SakipClaims.UserId, "admin"), new Claim(SakipClaims.TenantId, TestWorld.Tenant)], BearerTokenDefaults.AuthenticationScheme);
        string token = options.BearerTokenProtector.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), BearerTokenDefaults.AuthenticationScheme));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await (await client.GetAsync("/api/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.CreateClient().PostJsonAsync("/api/dev/token", new { tenantId = TestWorld.Tenant, userId = "admin" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("X-MS-CLIENT-PRINCIPAL")]
    [InlineData("X-MS-CLIENT-PRINCIPAL-ID")]
    [InlineData("x-ms-client-principal-name")]
    public async Task OutsideAppServiceMode_APrincipalHeader_Is400_AndLogged_EvenWithAValidToken(string header)
    {
        var logs = new CapturedLogs();
        await using var factory = new ApiFactory();
        await using var logged = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var world = new TestWorld(factory);
        await world.SeedAsync();
        var token = (await factory.CreateClient().PostJsonAsync("/api/dev/token", new { tenantId = TestWorld.Tenant, userId = "kesbangpol-kabid" })).Content;
        string bearer = JsonDocument.Parse(await token.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString()!;
        var client = logged.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        client.DefaultRequestHeaders.Add(header, Principal("admin", TestWorld.Tenant));

        var problem = await (await client.GetAsync("/api/me")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("untrusted-principal-header", problem.GetProperty("code").GetString());
        Assert.Contains(logs.Entries, e => e.EventId == 7101 && e.Level == LogLevel.Warning);
    }

    [Theory]
    [InlineData("azure", null, null)]
    [InlineData("appservice", "true", null)]
    [InlineData("appservice", "false", "")]
    public void AnIdentitySettingThatCannotWork_RefusesToStart(string mode, string? devSignIn, string? tenantClaim)
    {
        var settings = new Dictionary<string, string?> { ["Sakip:Identity:Mode"] = mode };
        if (devSignIn is not null)
        {
            settings["Sakip:Development:EnableDevSignIn"] = devSignIn;
        }

        if (tenantClaim is not null)
        {
            settings["Sakip:Identity:TenantIdClaim"] = tenantClaim;
        }

        using var factory = new ApiFactory(settings: settings);
        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Sakip:", ex is OptionsValidationException o ? string.Join(";", o.Failures) : ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProduction_AppServiceModeStarts_AndTheDevelopmentEndpointsAreClosed()
    {
        await using var factory = new ApiFactory(settings: new Dictionary<string, string?>(AppService)
        {
            ["Sakip:Development:EnableClockOffset"] = "false",
        });
        await using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        await new TestWorld(factory).SeedAsync();

        await (await production.CreateClient().PostJsonAsync("/api/dev/token", new { tenantId = TestWorld.Tenant, userId = "admin" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await As(production, "admin").PostJsonAsync("/api/dev/clock", new { hours = 8 })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await As(production, "admin").GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData("Sakip:Development:EnableClockOffset")]
    [InlineData("Sakip:Development:SeedDemoData")]
    public void InProduction_AnyDevelopmentConvenience_RefusesToStart(string setting)
    {
        using var factory = new ApiFactory(settings: new Dictionary<string, string?>
        {
            ["Sakip:Development:EnableDevSignIn"] = "false",
            ["Sakip:Development:EnableClockOffset"] = "false",
            [setting] = "true",
        }).WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains(setting.Split(':')[^1], ex is OptionsValidationException o ? string.Join(";", o.Failures) : ex.ToString(), StringComparison.Ordinal);
    }
}
