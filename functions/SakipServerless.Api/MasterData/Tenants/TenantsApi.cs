using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Templates;
using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.MasterData.Tenants;

/// <summary>The signed-in user's pemda: read by everyone in it, its settings replaced by its admin.</summary>
public static class TenantsApi
{
    private const int MaxLiburDaerah = 100;

    public static RouteGroupBuilder MapTenantsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tenants").WithTags("Master data");
        group.MapGet("/current", GetAsync).WithSummary("Pemda pengguna: zona waktu, libur daerah, batas capaian");
        group.MapPut("/current", UpdateAsync).DocumentsJsonBody<TenantRequest>()
            .WithSummary("Mengubah pengaturan pemda (administrator)");
        return api;
    }

    private static async Task<IResult> GetAsync(CurrentUser me, IDocumentStore documents, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var tenant = await documents.GetAsync<Tenant>(user.TenantId, DocumentKinds.Tenant, user.TenantId, ct);
        return tenant is null ? Problems.NotFound($"Pemda '{user.TenantId}' tidak ditemukan.") : TypedResults.Ok(TenantView.From(tenant));
    }

    private static async Task<IResult> UpdateAsync(HttpRequest http, CurrentUser me, IDocumentStore documents, TenantCalendars calendars,
        ILoggerFactory logs, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (!AccessPolicy.CanAdminister(user, user.TenantId))
        {
            return Problems.Forbidden("Hanya administrator pemda yang dapat mengubah pengaturan pemda.");
        }

        var (body, problem) = await JsonBody.ReadAsync<TenantRequest>(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        var tenant = await documents.GetAsync<Tenant>(user.TenantId, DocumentKinds.Tenant, user.TenantId, ct);
        if (tenant is null)
        {
            return Problems.NotFound($"Pemda '{user.TenantId}' tidak ditemukan.");
        }

        var errors = new ValidationErrors();
        string? name = MasterDataText.Clean(body!.Name);
        if (name is null)
        {
            errors.Add("name", "Nama pemda wajib diisi.");
        }
        else if (name.Length > 200)
        {
            errors.Add("name", "Nama pemda paling banyak 200 karakter.");
        }

        string? zone = IndonesianTimeZones.Normalize(body.TimeZone);
        if (string.IsNullOrWhiteSpace(body.TimeZone))
        {
            errors.Add("timeZone", $"Zona waktu wajib diisi: {IndonesianTimeZones.Allowed}.");
        }
        else if (zone is null)
        {
            errors.Add("timeZone", $"Zona waktu '{body.TimeZone.Trim()}' tidak dikenal; pilih {IndonesianTimeZones.Allowed}.");
        }
        else if (!IndonesianTimeZones.Resolves(zone))
        {
            errors.Add("timeZone", $"Zona waktu {zone} tidak tersedia di server ini; hubungi pengelola sistem.");
        }

        var libur = (body.LiburDaerah ?? []).Distinct().Order().ToList();
        if (libur.Count > MaxLiburDaerah)
        {
            errors.Add("liburDaerah", $"Libur daerah paling banyak {MaxLiburDaerah} tanggal.");
        }

        foreach (var day in libur.Where(d => d.Year is < 2000 or > 2100))
        {
            errors.Add("liburDaerah", $"Tanggal {day:yyyy-MM-dd} di luar rentang tahun 2000–2100.");
        }

        // The predicate bands are set for these two policies; any other cap is a typo (e.g. 1.2 for 120 %).
        if (body.CapaianCap is { } cap && cap is not (100m or 120m))
        {
            errors.Add("capaianCap", "Batas atas capaian hanya boleh 100 atau 120; untuk tanpa batas kirim capaianUncapped: true.");
        }
        else if (body.CapaianCap is not null && body.CapaianUncapped == true)
        {
            errors.Add("capaianUncapped", "Pilih salah satu: capaianCap (100 atau 120) atau capaianUncapped: true (tanpa batas).");
        }

        // No cap is a choice the pemda states; leaving the field out keeps the default, so one outlier stays bounded.
        decimal? newCap = body.CapaianUncapped == true ? null : body.CapaianCap ?? CapaianSettings.DefaultCap;

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var updated = tenant with { Name = name!, TimeZone = zone!, LiburDaerah = libur, CapaianCap = newCap };
        await documents.PutAsync(user.TenantId, DocumentKinds.Tenant, user.TenantId, updated, ct);
        // Due times are computed from the cached calendar; drop it so the next deadline uses the new zone and days off.
        calendars.Invalidate(user.TenantId);
        MasterDataLog.TenantUpdated(MasterDataLog.For(logs), user.TenantId, user.Id);
        return TypedResults.Ok(TenantView.From(updated));
    }
}
