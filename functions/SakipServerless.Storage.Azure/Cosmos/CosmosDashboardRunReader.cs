using System.Text.Json;
using Microsoft.Azure.Cosmos;
using SakipServerless.Core;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>
/// Reads the dashboard projections (<see cref="DashboardProjection"/>) of one pemda's runs: one single-partition query
/// that filters on the item's own fields (year, OPD, status, period) and returns only the <c>dashboard</c> field.
/// </summary>
/// <remarks>Lateness and the order are decided in memory (<see cref="RunQueryFilter"/>): the test server has no ORDER BY.</remarks>
public sealed class CosmosDashboardRunReader(CosmosContainers containers, CosmosStorageOptions options, TimeProvider clock) : IDashboardRunReader
{
    private readonly CosmosCalls _calls = new(options, clock);

    public async Task<IReadOnlyList<SopRun>> ListAsync(RunQuery query, CancellationToken ct = default)
    {
        string sql = $"SELECT c.runId, c.{DashboardProjection.Field} FROM c WHERE c.tenantId = @t AND c.type = 'run'";
        var parameters = new List<(string, object)> { ("@t", query.TenantId) };
        if (query.Year is { } year)
        {
            sql += " AND c.year = @y";
            parameters.Add(("@y", year));
        }

        if (query.OpdId is { } opdId)
        {
            sql += " AND c.opdId = @o";
            parameters.Add(("@o", opdId));
        }

        if (query.Period is { } period)
        {
            sql += " AND c.period = @p";
            parameters.Add(("@p", period.Key));
        }

        if (query.Status is { } status)
        {
            sql += " AND c.status = @s";
            parameters.Add(("@s", JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString())));
        }

        var definition = new QueryDefinition(sql);
        foreach (var (name, value) in parameters)
        {
            definition = definition.WithParameter(name, value);
        }

        var runs = new List<SopRun>();
        foreach (var item in await _calls.QueryAsync(containers.Runs, query.TenantId, definition, ct))
        {
            runs.Add(item[DashboardProjection.Field] is { } projection
                ? projection.Deserialize<SopRun>(CoreJson.Options)!
                : await FullRunAsync(query.TenantId, (string)item["runId"]!, ct));
        }

        return RunQueryFilter.Apply(runs, query);
    }

    /// <summary>An item written before projections existed: read the whole run once; its next save adds the projection.</summary>
    private async Task<SopRun> FullRunAsync(string tenantId, string runId, CancellationToken ct)
    {
        var items = await _calls.QueryAsync(containers.Runs, tenantId, new QueryDefinition(
            "SELECT * FROM c WHERE c.tenantId = @t AND c.type = 'run' AND c.runId = @r").WithParameter("@t", tenantId).WithParameter("@r", runId), ct);
        return items.Single()["run"].Deserialize<SopRun>(CoreJson.Options)!;
    }
}
