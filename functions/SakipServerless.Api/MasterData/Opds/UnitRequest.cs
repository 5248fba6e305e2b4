namespace SakipServerless.Api.MasterData.Opds;

/// <summary>A unit (bidang, seksi, sub bagian, kelurahan) inside an <see cref="OpdRequest"/>.</summary>
public sealed record UnitRequest(string? Id, string? Name);
