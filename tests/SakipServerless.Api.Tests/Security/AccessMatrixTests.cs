using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Tests.Files;
using SakipServerless.Api.Tests.Support;
using Xunit.Abstractions;

namespace SakipServerless.Api.Tests.Security;

/// <summary>
/// Every endpoint, tried by everyone who must not get through: no token, an expired, forged or tampered token, a
/// spoofed platform principal, users of another OPD and of another pemda, and users with the wrong role. All are
/// denied, nothing they send changes what is stored, and nothing of the victim OPD appears in what they get back.
/// </summary>
public sealed class AccessMatrixTests(ITestOutputHelper output)
{
    /// <summary>How a request relates to the victim (kesbangpol of jeneponto) and so who must be denied.</summary>
    [Flags]
    private enum Scope
    {
        /// <summary>Open to anyone (health, OpenAPI, development sign-in).</summary>
        Anonymous = 1,

        /// <summary>The caller's own things (profile, inbox, lists filtered to what they may see).</summary>
        Own = 2,

        /// <summary>Pemda administration: only the admin of the pemda.</summary>
        Admin = 4,

        /// <summary>Reads the victim's run, files or OPD.</summary>
        VictimRead = 8,

        /// <summary>Changes the victim's run, files or OPD data.</summary>
        VictimWrite = 16,

        /// <summary>Ids that exist per pemda (OPDs, users): another pemda's admin reaches its own namesake, not the victim.</summary>
        PerTenantIds = 32,

        /// <summary>Something the victim OPD's own unit staff may legitimately do.</summary>
        StaffMayDo = 64,
    }

    private sealed record Probe(string Method, string Pattern, string Url, Func<HttpContent?> Body, Scope Scope);

    private const string Secret = "rahasia-kesbangpol-tw1.pdf";

    [Fact]
    public async Task EveryEndpoint_TriedByEveryoneWithoutTheRight_IsDenied_AndNothingChangesOrLeaks()
    {
        await using var w = await EvidenceWorld.CreateAsync();
        var (probes, fileSha) = await ArrangeVictimAsync(w);
        AssertEveryEndpointIsProbed(w, probes);
        var figures = new SecurityFigures("Access matrix", output);
        string before = StoreSnapshot.Take(w.Factory.DatabasePath, w.Store.Root);

        // Without a usable identity: every endpoint but the open ones answers 401; a spoofed principal 400.
        foreach (var (name, client, spoofed) in await UnauthenticatedAsync(w))
        {
            foreach (var probe in probes.Where(p => spoofed || !p.Scope.HasFlag(Scope.Anonymous)))
            {
                await TryAsync(figures, name, client, probe, spoofed ? [400] : [401], fileSha);
            }
        }

        // Signed in, but not entitled: denied (403, or 404 where the thing does not exist for them).
        var attackers = new (string Name, string User, string Tenant, Func<Scope, bool> MustBeDenied)[]
        {
            ("head of another OPD", "bappeda-kepala", TestWorld.Tenant, s => s.HasFlag(Scope.VictimRead) || s.HasFlag(Scope.VictimWrite) || s.HasFlag(Scope.Admin)),
            ("staff of another OPD (same unit id)", "bappeda-bid-politik", TestWorld.Tenant, s => s.HasFlag(Scope.VictimRead) || s.HasFlag(Scope.VictimWrite) || s.HasFlag(Scope.Admin)),
            ("admin of another pemda", "admin", TestWorld.OtherTenant, s => (s.HasFlag(Scope.VictimRead) || s.HasFlag(Scope.VictimWrite)) && !s.HasFlag(Scope.PerTenantIds)),
            ("head of the namesake OPD of another pemda", "kesbangpol-kepala", TestWorld.OtherTenant, s => (s.HasFlag(Scope.VictimRead) || s.HasFlag(Scope.VictimWrite)) && !s.HasFlag(Scope.PerTenantIds)),
            ("pimpinan (reads only)", "sekda", TestWorld.Tenant, s => s.HasFlag(Scope.VictimWrite) || (s.HasFlag(Scope.Admin) && !s.HasFlag(Scope.Own))),
            ("inspektorat (reads only)", "inspektorat", TestWorld.Tenant, s => s.HasFlag(Scope.VictimWrite) || (s.HasFlag(Scope.Admin) && !s.HasFlag(Scope.Own))),
            ("unit staff with the wrong role", "kesbangpol-bid-ketahanan", TestWorld.Tenant, s => (s.HasFlag(Scope.VictimWrite) && !s.HasFlag(Scope.StaffMayDo)) || s.HasFlag(Scope.Admin)),
        };
        foreach (var (name, user, tenant, mustBeDenied) in attackers)
        {
            var client = await w.ClientAsync(user, tenant);
            bool mayRead = user is "sekda" or "inspektorat" or "kesbangpol-bid-ketahanan";
            foreach (var probe in probes.Where(p => mustBeDenied(p.Scope)))
            {
                await TryAsync(figures, name, client, probe, [403, 404], mayRead ? null : fileSha);
            }
        }

        Assert.Equal(before, StoreSnapshot.Take(w.Factory.DatabasePath, w.Store.Root));
        figures.Report();
        Assert.Equal(figures.Tried, figures.Rejected);
    }

    private static async Task TryAsync(SecurityFigures figures, string who, HttpClient client, Probe probe, int[] denied, string? secretSha)
    {
        var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url) { Content = probe.Body() };
        if (probe.Pattern.EndsWith("/uploads/{uploadId}", StringComparison.Ordinal) && probe.Method == "PUT")
        {
            request.Content!.Headers.ContentRange = new ContentRangeHeaderValue(1000, 1999, 20_000);
        }

        var response = await client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        int status = (int)response.StatusCode;
        string? failure = !denied.Contains(status) ? $"{probe.Method} {probe.Url} answered {status}: {Shorten(body)}"
            : body.Length > 0 && response.Content.Headers.ContentType?.MediaType != "application/problem+json" ? $"{probe.Method} {probe.Url}: refusal is not problem+json"
            : secretSha is not null && (body.Contains(Secret, StringComparison.Ordinal) || body.Contains(secretSha, StringComparison.Ordinal)) ? $"{probe.Method} {probe.Url} leaked the victim's file"
            : null;
        figures.Record($"{who} → {probe.Method} {probe.Pattern}", status, failure);
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "…" : s;

    /// <summary>Clients that carry no usable identity, and whether they carry a spoofed platform principal.</summary>
    private static async Task<List<(string Name, HttpClient Client, bool Spoofed)>> UnauthenticatedAsync(EvidenceWorld w)
    {
        var clients = new List<(string, HttpClient, bool)> { ("no token", w.Factory.CreateClient(), false) };

        var expired = w.Factory.CreateClient();
        expired.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ExpiredToken(w, "admin"));
        clients.Add(("expired token of the admin", expired, false));

        var forged = w.Factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8" + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"sub\":\"admin\",\"tenant\":\"jeneponto\"}")));
        clients.Add(("forged token", forged, false));

        var tampered = await w.ClientAsync("kesbangpol-kepala");
        string token = tampered.DefaultRequestHeaders.Authorization!.Parameter!;
        int middle = token.Length / 2;
        tampered.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..]);
        clients.Add(("tampered token of the head of the OPD", tampered, false));

        string principal = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"auth_typ":"aad","claims":[{"typ":"sakip_user","val":"admin"},{"typ":"sakip_tenant","val":"jeneponto"}]}"""));
        var spoofed = w.Factory.CreateClient();
        spoofed.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", principal);
        clients.Add(("spoofed platform principal", spoofed, true));

        var staffPlusSpoof = await w.ClientAsync("kesbangpol-bid-ketahanan");
        staffPlusSpoof.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL-ID", "admin");
        clients.Add(("unit staff adding a spoofed principal id", staffPlusSpoof, true));
        return clients;
    }

    /// <summary>A token the app itself issued, for a real user, that expired a day ago.</summary>
    private static string ExpiredToken(EvidenceWorld w, string userId)
    {
        var options = w.Factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(BearerTokenDefaults.AuthenticationScheme);
        var identity = new ClaimsIdentity([new Claim(SakipClaims.UserId, userId), new Claim(SakipClaims.TenantId, TestWorld.Tenant)], BearerTokenDefaults.AuthenticationScheme);
        var past = new[] { w.Factory.Clock.GetUtcNow(), DateTimeOffset.UtcNow }.Min().AddDays(-1);
        var properties = new AuthenticationProperties { IssuedUtc = past.AddHours(-10), ExpiresUtc = past };
        return options.BearerTokenProtector.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, BearerTokenDefaults.AuthenticationScheme));
    }

    /// <summary>
    /// The victim: kesbangpol's run at its collect step with a file, a submitted unit and an upload in progress.
    /// Returns one probe per endpoint, each with a body that would be accepted from someone entitled to send it.
    /// </summary>
    private static async Task<(List<Probe> Probes, string FileSha)> ArrangeVictimAsync(EvidenceWorld w)
    {
        string run = w.RunId;
        var politik = await w.ClientAsync("kesbangpol-bid-politik");
        var file = await w.UploadOkAsync(politik, SampleFiles.Pdf(padding: 100), Secret);
        string fileId = file.GetProperty("id").GetString()!;
        var ketahanan = await w.ClientAsync("kesbangpol-bid-ketahanan");
        string report = await ketahanan.UploadEvidenceAsync(run, "laporan-ketahanan.pdf");
        await (await ketahanan.PostJsonAsync($"/api/runs/{run}/steps/{EvidenceWorld.CollectStep}/units/bid-ketahanan/submit",
            new { realisasi = new[] { new { indicatorId = "kesbangpol-iku-1", value = 88m } }, evidenceFileIds = new[] { report } })).JsonAsync(HttpStatusCode.OK);
        var upload = await new ChunkedUpload(politik, run).StartAsync("draf.pdf", 20_000);
        string uploadId = upload.GetProperty("id").GetString()!;
        await (await new ChunkedUpload(politik, run).PutAsync(uploadId, new byte[20_000], 0, 999)).JsonAsync(HttpStatusCode.OK);

        string template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", TestWorld.TemplateId + ".json"));
        string sopText = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "sop", "seeds"), "*.txt").Order().First());
        static Func<HttpContent?> Json(string json) => () => new StringContent(json, Encoding.UTF8, "application/json");
        static Func<HttpContent?> None() => () => null;
        Func<HttpContent?> pdf = () => EvidenceWorld.Multipart(SampleFiles.Pdf(), "tambahan.pdf");
        string steps = $"/api/runs/{run}/steps";
        string indicator = """{"kode":"IKU 9","year":2026,"sasaran":"Meningkatnya kerukunan","name":"Indeks kerukunan","satuan":"%","polarity":"positive","aggregation":"non-kumulatif","targetTahunan":80}""";
        string user = """{"id":"penyusup","name":"Penyusup","roles":["admin"]}""";
        string opd = $$"""{"id":"opd-baru","name":"OPD Baru","templateId":"{{TestWorld.TemplateId}}","units":[{"id":"bid-a","name":"Bidang A"}]}""";

        var probes = new List<Probe>
        {
            new("GET", "/api/health", "/api/health", None(), Scope.Anonymous),
            new("GET", "/api/openapi.json", "/api/openapi.json", None(), Scope.Anonymous),
            new("POST", "/api/dev/token", "/api/dev/token", Json("""{"tenantId":"jeneponto","userId":"admin"}"""), Scope.Anonymous),
            new("GET", "/api/dev/clock", "/api/dev/clock", None(), Scope.Own),
            new("POST", "/api/dev/clock", "/api/dev/clock", Json("{}"), Scope.Own),
            new("GET", "/api/me", "/api/me", None(), Scope.Own),
            new("GET", "/api/me/tasks", "/api/me/tasks", None(), Scope.Own),
            new("GET", "/api/me/inbox", "/api/me/inbox", None(), Scope.Own),
            new("POST", "/api/me/inbox/{id}/read", "/api/me/inbox/pesan-orang-lain/read", None(), Scope.Own),
            new("POST", "/api/me/inbox/read-all", "/api/me/inbox/read-all", None(), Scope.Own),
            new("GET", "/api/notifications/webhook-failures", "/api/notifications/webhook-failures", None(), Scope.Admin | Scope.PerTenantIds),
            new("GET", "/api/notifications/webhook-deliveries", "/api/notifications/webhook-deliveries", None(), Scope.Admin | Scope.PerTenantIds),
            new("GET", "/api/dashboard/overview", "/api/dashboard/overview", None(), Scope.Own),
            new("GET", "/api/dashboard/overdue", "/api/dashboard/overdue", None(), Scope.Own),
            new("GET", "/api/dashboard/capaian", "/api/dashboard/capaian", None(), Scope.Own),
            new("GET", "/api/dashboard/rekap.xlsx", "/api/dashboard/rekap.xlsx", None(), Scope.Own),
            new("GET", "/api/dashboard/rekap.csv", "/api/dashboard/rekap.csv", None(), Scope.Own),
            new("GET", "/api/tenants/current", "/api/tenants/current", None(), Scope.Own),
            new("PUT", "/api/tenants/current", "/api/tenants/current", Json("""{"name":"Kabupaten Diambil Alih","timeZone":"Asia/Jakarta"}"""), Scope.Admin | Scope.PerTenantIds),
            new("GET", "/api/templates", "/api/templates", None(), Scope.Own),
            new("GET", "/api/templates/{templateId}", $"/api/templates/{TestWorld.TemplateId}", None(), Scope.Own),
            new("POST", "/api/templates", "/api/templates", Json(template), Scope.Admin | Scope.PerTenantIds),
            new("POST", "/api/templates/import", "/api/templates/import?fileName=sop.txt", () => new StringContent(sopText, Encoding.UTF8, "text/plain"), Scope.Admin | Scope.PerTenantIds),
            new("GET", "/api/users", "/api/users", None(), Scope.Admin | Scope.PerTenantIds),
            new("GET", "/api/users/{userId}", "/api/users/kesbangpol-kepala", None(), Scope.Admin | Scope.PerTenantIds),
            new("POST", "/api/users", "/api/users", Json(user), Scope.Admin | Scope.PerTenantIds),
            new("PUT", "/api/users/{userId}", "/api/users/kesbangpol-bid-ketahanan", Json("""{"name":"Naik Pangkat","roles":["admin"]}"""), Scope.Admin | Scope.PerTenantIds),
            new("GET", "/api/opds", "/api/opds", None(), Scope.Own),
            new("GET", "/api/opds/{opdId}", $"/api/opds/{TestWorld.Opd}", None(), Scope.VictimRead | Scope.PerTenantIds),
            new("POST", "/api/opds", "/api/opds", Json(opd), Scope.Admin | Scope.PerTenantIds),
            new("PUT", "/api/opds/{opdId}", $"/api/opds/{TestWorld.Opd}", Json(opd), Scope.Admin | Scope.PerTenantIds),
            new("GET", "/api/opds/{opdId}/indicators", $"/api/opds/{TestWorld.Opd}/indicators", None(), Scope.VictimRead | Scope.PerTenantIds),
            new("GET", "/api/opds/{opdId}/indicators/{indicatorId}", $"/api/opds/{TestWorld.Opd}/indicators/kesbangpol-iku-1", None(), Scope.VictimRead | Scope.PerTenantIds),
            new("POST", "/api/opds/{opdId}/indicators", $"/api/opds/{TestWorld.Opd}/indicators", Json(indicator), Scope.VictimWrite | Scope.PerTenantIds),
            new("PUT", "/api/opds/{opdId}/indicators/{indicatorId}", $"/api/opds/{TestWorld.Opd}/indicators/kesbangpol-iku-2", Json(indicator), Scope.VictimWrite | Scope.PerTenantIds),
            new("DELETE", "/api/opds/{opdId}/indicators/{indicatorId}", $"/api/opds/{TestWorld.Opd}/indicators/kesbangpol-iku-2", None(), Scope.VictimWrite | Scope.PerTenantIds),
            new("POST", "/api/opds/{opdId}/indicators/import", $"/api/opds/{TestWorld.Opd}/indicators/import?year=2026",
                () => new StringContent("kode;sasaran;indikator;satuan;polaritas;agregasi;target tahunan\nIKU 9;Sasaran;Indeks;%;positif;non-kumulatif;80\n", Encoding.UTF8, "text/csv"),
                Scope.VictimWrite | Scope.PerTenantIds),
            new("POST", "/api/runs", "/api/runs", Json($$"""{"opdId":"{{TestWorld.Opd}}","period":"2026-Q3"}"""), Scope.VictimWrite | Scope.PerTenantIds),
            new("POST", "/api/runs/start-all", "/api/runs/start-all", Json("""{"period":"2026-Q3"}"""), Scope.Admin | Scope.PerTenantIds),
            new("GET", "/api/runs", "/api/runs", None(), Scope.Own),
            new("GET", "/api/runs/{runId}", $"/api/runs/{run}", None(), Scope.VictimRead),
            new("POST", "/api/runs/{runId}/suspend", $"/api/runs/{run}/suspend", Json("""{"reason":"uji"}"""), Scope.VictimWrite),
            new("POST", "/api/runs/{runId}/resume", $"/api/runs/{run}/resume", None(), Scope.VictimWrite),
            new("POST", "/api/runs/{runId}/terminate", $"/api/runs/{run}/terminate", Json("""{"reason":"uji"}"""), Scope.VictimWrite),
            new("POST", "/api/runs/{runId}/steps/{stepId}/restart", $"{steps}/menugaskan-kasubag-kasubid/restart", Json("""{"reason":"uji"}"""), Scope.VictimWrite),
            new("POST", "/api/runs/{runId}/steps/{stepId}/complete", $"{steps}/membuat-laporan-data-kinerja/complete", Json("""{"output":"Laporan","kelengkapan":["Bahan Laporan"]}"""), Scope.VictimWrite),
            new("POST", "/api/runs/{runId}/steps/{stepId}/approve", $"{steps}/memeriksa-laporan-kinerja/approve", Json("""{"output":"OK","kelengkapan":["Laporan Kinerja"]}"""), Scope.VictimWrite),
            new("POST", "/api/runs/{runId}/steps/{stepId}/return", $"{steps}/memeriksa-laporan-kinerja/return", Json("""{"reason":"uji"}"""), Scope.VictimWrite),
            new("POST", "/api/runs/{runId}/steps/{stepId}/units/{unitId}/submit", $"{steps}/{EvidenceWorld.CollectStep}/units/bid-politik/submit",
                Json("""{"realisasi":[{"indicatorId":"kesbangpol-iku-1","value":10}]}"""), Scope.VictimWrite),
            new("POST", "/api/runs/{runId}/steps/{stepId}/units/{unitId}/accept", $"{steps}/{EvidenceWorld.CollectStep}/units/bid-ketahanan/accept", None(), Scope.VictimWrite),
            new("POST", "/api/runs/{runId}/steps/{stepId}/units/{unitId}/return", $"{steps}/{EvidenceWorld.CollectStep}/units/bid-ketahanan/return", Json("""{"reason":"uji"}"""), Scope.VictimWrite),
            new("GET", "/api/runs/{runId}/files", $"/api/runs/{run}/files", None(), Scope.VictimRead),
            new("GET", "/api/runs/{runId}/files/{fileId}", $"/api/runs/{run}/files/{fileId}", None(), Scope.VictimRead),
            new("POST", "/api/runs/{runId}/files", $"/api/runs/{run}/files", pdf, Scope.VictimWrite | Scope.StaffMayDo),
            new("POST", "/api/runs/{runId}/uploads", $"/api/runs/{run}/uploads", Json("""{"fileName":"b.pdf","size":1000}"""), Scope.VictimWrite | Scope.StaffMayDo),
            new("GET", "/api/runs/{runId}/uploads/{uploadId}", $"/api/runs/{run}/uploads/{uploadId}", None(), Scope.VictimRead | Scope.VictimWrite),
            new("PUT", "/api/runs/{runId}/uploads/{uploadId}", $"/api/runs/{run}/uploads/{uploadId}", () => new ByteArrayContent(new byte[1000]), Scope.VictimWrite),
            new("POST", "/api/runs/{runId}/uploads/{uploadId}/commit", $"/api/runs/{run}/uploads/{uploadId}/commit", None(), Scope.VictimWrite),
            new("DELETE", "/api/runs/{runId}/uploads/{uploadId}", $"/api/runs/{run}/uploads/{uploadId}", None(), Scope.VictimWrite),
        };
        return (probes, file.GetProperty("sha256").GetString()!);
    }

    /// <summary>A new endpoint must be added here, with who may use it, before this test passes again.</summary>
    private static void AssertEveryEndpointIsProbed(EvidenceWorld w, List<Probe> probes)
    {
        var routed = w.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet();
        var probed = probes.Select(p => $"{p.Method} {p.Pattern}").ToHashSet();
        Assert.Empty(routed.Except(probed));
        Assert.Empty(probed.Except(routed));
    }
}
