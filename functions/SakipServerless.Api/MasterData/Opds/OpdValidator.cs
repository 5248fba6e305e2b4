using SakipServerless.Api.Templates;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.MasterData.Opds;

/// <summary>Checks an <see cref="OpdRequest"/> and turns it into the stored <see cref="Opd"/>.</summary>
public static class OpdValidator
{
    private const int MaxUnits = 200;

    public static async Task<Opd?> ValidateAsync(OpdRequest body, string tenantId, string? routeId, TemplateCatalog templates,
        ValidationErrors errors, CancellationToken ct)
    {
        string? id = routeId ?? body.Id?.Trim();
        if (routeId is null && !MasterDataText.IsValidId(id))
        {
            errors.Add("id", string.IsNullOrEmpty(id) ? "Id OPD wajib diisi." : $"Id OPD '{id}' tidak valid: {MasterDataText.IdRule}.");
        }

        string? name = MasterDataText.Clean(body.Name);
        if (name is null)
        {
            errors.Add("name", "Nama OPD wajib diisi.");
        }
        else if (name.Length > 200)
        {
            errors.Add("name", "Nama OPD paling banyak 200 karakter.");
        }

        string? templateId = body.TemplateId?.Trim();
        if (string.IsNullOrEmpty(templateId))
        {
            errors.Add("templateId", "Templat SOP yang dijalankan OPD wajib dipilih.");
        }
        else if (await templates.LatestAsync(tenantId, templateId, ct) is null)
        {
            errors.Add("templateId", $"Templat SOP '{templateId}' belum diterbitkan pada pemda ini.");
        }

        var units = new List<OrgUnit>();
        var items = body.Units ?? [];
        if (items.Count > MaxUnits)
        {
            errors.Add("units", $"Satu OPD paling banyak memiliki {MaxUnits} unit.");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Math.Min(items.Count, MaxUnits); i++)
        {
            string field = $"units[{i}]";
            string? unitId = items[i]?.Id?.Trim();
            string? unitName = MasterDataText.Clean(items[i]?.Name);
            if (!MasterDataText.IsValidId(unitId))
            {
                errors.Add(field + ".id", string.IsNullOrEmpty(unitId) ? "Id unit wajib diisi." : $"Id unit '{unitId}' tidak valid: {MasterDataText.IdRule}.");
            }
            else if (seen.TryGetValue(unitId!, out int first))
            {
                errors.Add(field + ".id", $"Id unit '{unitId}' sudah dipakai oleh unit ke-{first + 1}; id unit harus unik dalam satu OPD.");
            }
            else
            {
                seen[unitId!] = i;
            }

            if (unitName is null)
            {
                errors.Add(field + ".name", "Nama unit wajib diisi.");
            }
            else if (unitName.Length > 200)
            {
                errors.Add(field + ".name", "Nama unit paling banyak 200 karakter.");
            }

            if (unitId is not null && unitName is not null)
            {
                units.Add(new OrgUnit(unitId, unitName));
            }
        }

        return errors.Any ? null : new Opd { Id = id!, TenantId = tenantId, Name = name!, TemplateId = templateId!, Units = units };
    }
}
