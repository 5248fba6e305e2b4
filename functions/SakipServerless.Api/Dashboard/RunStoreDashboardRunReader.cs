using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// The dashboard's runs straight from the run store, for stores where listing a pemda-year of runs is a cheap local
/// query (SQLite): the same call and cost the dashboard had before read models existed.
/// </summary>
public sealed class RunStoreDashboardRunReader(IRunStore runs) : IDashboardRunReader
{
    public Task<IReadOnlyList<SopRun>> ListAsync(RunQuery query, CancellationToken ct = default) => runs.ListAsync(query, ct);
}
