using System.Text;
using SakipServerless.Core.MasterData;

namespace SakipServerless.Api.Seeding;

/// <summary>
/// The text printed once the app listens with demo data on: where the API is, who can sign in, and a curl to copy.
/// Printed to the console rather than logged, because it is read by a person and a log prefix on every row of a table
/// would hide it.
/// </summary>
internal static class DemoBanner
{
    public static string Format(string baseUrl, IReadOnlyList<AppUser> users, bool devSignIn)
    {
        baseUrl = baseUrl.TrimEnd('/');
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("SakipServerless berjalan dengan data demo.");
        text.AppendLine($"  API         {baseUrl}/api");
        text.AppendLine($"  Kesehatan   {baseUrl}/api/health");
        text.AppendLine($"  OpenAPI     {baseUrl}/api/openapi.json");
        text.AppendLine();
        text.AppendLine("Pengguna demo (masuk tanpa kata sandi melalui POST /api/dev/token):");
        int tenantWidth = Math.Max(5, users.Select(u => u.TenantId.Length).DefaultIfEmpty(0).Max());
        int userWidth = Math.Max(8, users.Select(u => u.Id.Length).DefaultIfEmpty(0).Max());
        text.AppendLine($"  {"PEMDA".PadRight(tenantWidth)}  {"PENGGUNA".PadRight(userWidth)}  PERAN");
        foreach (var user in users.OrderBy(u => u.TenantId, StringComparer.Ordinal).ThenBy(Rank).ThenBy(u => u.Id, StringComparer.Ordinal))
        {
            string roles = user.Roles.Count > 0 ? string.Join(", ", user.Roles) : $"staf unit {user.UnitId}";
            text.AppendLine($"  {user.TenantId.PadRight(tenantWidth)}  {user.Id.PadRight(userWidth)}  {roles}");
        }

        text.AppendLine();
        if (!devSignIn)
        {
            text.AppendLine("Masuk pengembangan tidak aktif: nyalakan Sakip:Development:EnableDevSignIn untuk memakai pengguna di atas.");
            return text.ToString();
        }

        var sample = users.FirstOrDefault(u => u.Id == DemoUsers.Head) ?? users.FirstOrDefault();
        string tenant = sample?.TenantId ?? "jeneponto";
        string userId = sample?.Id ?? DemoUsers.Head;
        text.AppendLine("Masuk (ganti tenantId dan userId dengan baris tabel di atas):");
        text.AppendLine($"  curl -s -X POST {baseUrl}/api/dev/token -H 'Content-Type: application/json' -d '{{\"tenantId\":\"{tenant}\",\"userId\":\"{userId}\"}}'");
        text.AppendLine("Lalu, dengan token tersimpan:");
        text.AppendLine($"  TOKEN=$(curl -s -X POST {baseUrl}/api/dev/token -H 'Content-Type: application/json' -d '{{\"tenantId\":\"{tenant}\",\"userId\":\"{userId}\"}}' | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')");
        text.AppendLine($"  curl -s {baseUrl}/api/runs -H \"Authorization: Bearer $TOKEN\"");
        text.AppendLine($"  curl -s {baseUrl}/api/me/tasks -H \"Authorization: Bearer $TOKEN\"");
        return text.ToString();
    }

    /// <summary>Head of the OPD first, then the SOP roles, the unit staff, and the tenant-wide users last.</summary>
    private static int Rank(AppUser user) => user.Id switch
    {
        DemoUsers.Head => 0,
        DemoUsers.Admin or DemoUsers.Pimpinan or DemoUsers.Inspektorat => 3,
        _ when user.UnitId is not null => 2,
        _ => 1,
    };
}
