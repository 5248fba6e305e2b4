namespace SakipServerless.Api.MasterData;

/// <summary>Master data: tenants, OPDs, units, users, indicators and targets, CSV import (built by the master-data work).</summary>
public static class MasterDataApi
{
    public static RouteGroupBuilder MapMasterDataApi(this RouteGroupBuilder api) => api;
}
