using SakipServerless.Api.Auth;
using SakipServerless.Api.Templates;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.MasterData.Users;

/// <summary>
/// Checks a <see cref="UserRequest"/>: roles are the tenant-wide ones, kepala-opd, or a Pelaksana role of the
/// OPD's SOP; OPD and unit must exist. Turns it into the stored <see cref="AppUser"/>.
/// </summary>
public static class UserValidator
{
    private const int MaxRoles = 20;

    /// <summary>
    /// What an admin naturally writes for a unit's staff. Unit staff hold no SOP role (what they may do follows from
    /// their unit), so the word is accepted with a unit and not stored; an SOP that names a role "staf" keeps it as its own.
    /// </summary>
    private static readonly string[] UnitStaffWords = ["staf", "staf-unit", "staff"];

    /// <summary>Roles that apply across the pemda and need no OPD.</summary>
    private static readonly string[] TenantRoles = [WellKnownRoles.Admin, WellKnownRoles.Pimpinan, WellKnownRoles.Inspektorat];

    public static async Task<AppUser?> ValidateAsync(UserRequest body, AppUser actor, string? routeId, IDocumentStore documents,
        TemplateCatalog templates, ValidationErrors errors, CancellationToken ct)
    {
        string? id = routeId ?? body.Id?.Trim();
        if (routeId is null && !MasterDataText.IsValidId(id))
        {
            errors.Add("id", string.IsNullOrEmpty(id) ? "Id pengguna wajib diisi." : $"Id pengguna '{id}' tidak valid: {MasterDataText.IdRule}.");
        }

        string? name = MasterDataText.Clean(body.Name);
        if (name is null)
        {
            errors.Add("name", "Nama pengguna wajib diisi.");
        }
        else if (name.Length > 200)
        {
            errors.Add("name", "Nama pengguna paling banyak 200 karakter.");
        }

        string? jabatan = MasterDataText.Clean(body.Jabatan);
        if (jabatan?.Length > 200)
        {
            errors.Add("jabatan", "Jabatan paling banyak 200 karakter.");
        }

        string? opdId = body.OpdId?.Trim() is { Length: > 0 } o ? o : null;
        string? unitId = body.UnitId?.Trim() is { Length: > 0 } u ? u : null;
        Opd? opd = null;
        if (opdId is not null)
        {
            opd = await documents.GetAsync<Opd>(actor.TenantId, DocumentKinds.Opd, opdId, ct);
            if (opd is null)
            {
                errors.Add("opdId", $"OPD '{opdId}' tidak ditemukan.");
            }
        }

        if (unitId is not null)
        {
            if (opdId is null)
            {
                errors.Add("unitId", "Unit hanya dapat diisi bersama OPD-nya (opdId).");
            }
            else if (opd is not null && opd.Units.All(x => x.Id != unitId))
            {
                errors.Add("unitId", $"Unit '{unitId}' tidak ada di OPD {opd.Name}; unit yang ada: {string.Join(", ", opd.Units.Select(x => x.Id))}.");
            }
        }

        var roles = await CheckRolesAsync(body.Roles ?? [], opdId, opd, unitId, actor.TenantId, templates, errors, ct);

        // An admin who drops his own admin role may leave the pemda with nobody able to undo it.
        if (id == actor.Id && AccessPolicy.IsAdmin(actor) && !roles.Contains(WellKnownRoles.Admin))
        {
            errors.Add("roles", "Anda tidak dapat mencabut peran admin dari akun Anda sendiri; minta administrator lain melakukannya.");
        }

        return errors.Any
            ? null
            : new AppUser { Id = id!, TenantId = actor.TenantId, Name = name!, Roles = roles, OpdId = opdId, UnitId = unitId, Jabatan = jabatan };
    }

    private static async Task<List<string>> CheckRolesAsync(IReadOnlyList<string?> requested, string? opdId, Opd? opd, string? unitId,
        string tenantId, TemplateCatalog templates, ValidationErrors errors, CancellationToken ct)
    {
        var roles = new List<string>();
        if (requested.Count > MaxRoles)
        {
            errors.Add("roles", $"Satu pengguna paling banyak memiliki {MaxRoles} peran.");
            return roles;
        }

        var sopRoles = opd is null ? null : (await templates.LatestAsync(tenantId, opd.TemplateId, ct))?.Roles.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < requested.Count; i++)
        {
            string field = $"roles[{i}]";
            string? role = requested[i]?.Trim();
            if (string.IsNullOrEmpty(role))
            {
                errors.Add(field, "Peran tidak boleh kosong.");
                continue;
            }

            if (roles.Contains(role))
            {
                continue;
            }

            if (TenantRoles.Contains(role))
            {
                roles.Add(role);
            }
            else if (UnitStaffWords.Contains(role, StringComparer.OrdinalIgnoreCase) && sopRoles?.Contains(role) != true)
            {
                if (unitId is null)
                {
                    errors.Add(field, UnitStaffHint(role, opd));
                }

                // With a unit the word is satisfied by the unit itself; nothing is stored for it.
            }
            else if (role == WellKnownRoles.System)
            {
                errors.Add(field, "Peran 'system' dipakai oleh sistem sendiri dan tidak dapat diberikan kepada pengguna.");
            }
            else if (opdId is null)
            {
                errors.Add(field, $"Peran '{role}' berlaku di dalam OPD; isi OPD pengguna (opdId), atau pilih peran {string.Join(", ", TenantRoles)}.");
            }
            else if (opd is null)
            {
                // The OPD itself is already reported; its roles cannot be checked.
                continue;
            }
            else if (role == WellKnownRoles.HeadOfOpd || sopRoles?.Contains(role) == true)
            {
                roles.Add(role);
            }
            else
            {
                var known = TenantRoles.Append(WellKnownRoles.HeadOfOpd).Concat(sopRoles ?? []);
                errors.Add(field, $"Peran '{role}' tidak dikenal untuk OPD {opd.Name}; peran yang tersedia: {string.Join(", ", known)}. "
                    + "Staf unit tidak memerlukan peran SOP: kirim \"roles\": [\"staf\"] (atau []) bersama opdId dan unitId.");
            }
        }

        return roles;
    }

    private static string UnitStaffHint(string role, Opd? opd)
    {
        string units = opd is null || opd.Units.Count == 0 ? "" : $" (unit yang ada: {string.Join(", ", opd.Units.Select(x => x.Id))})";
        return $"Peran '{role}' berarti staf unit: kirim juga opdId dan unitId{units}, misalnya "
            + "{\"roles\": [\"staf\"], \"opdId\": \"<opd>\", \"unitId\": \"<unit>\"}.";
    }
}
