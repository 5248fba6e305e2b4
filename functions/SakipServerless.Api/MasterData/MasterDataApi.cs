using SakipServerless.Api.MasterData.Import;
using SakipServerless.Api.MasterData.Indicators;
using SakipServerless.Api.MasterData.Opds;
using SakipServerless.Api.MasterData.Tenants;
using SakipServerless.Api.MasterData.Users;

namespace SakipServerless.Api.MasterData;

/// <summary>Master data: the tenant's settings, OPDs and units, users and roles, indicators and targets, CSV import.</summary>
public static class MasterDataApi
{
    public static RouteGroupBuilder MapMasterDataApi(this RouteGroupBuilder api) => api
        .MapTenantsApi()
        .MapOpdsApi()
        .MapUsersApi()
        .MapIndicatorsApi()
        .MapIndicatorImportApi();
}
