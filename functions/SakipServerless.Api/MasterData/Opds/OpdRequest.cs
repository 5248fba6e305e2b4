namespace SakipServerless.Api.MasterData.Opds;

/// <summary>An OPD as an admin sends it; <see cref="Id"/> is read on create only (the route names it on update).</summary>
public sealed record OpdRequest(string? Id, string? Name, string? TemplateId, IReadOnlyList<UnitRequest?>? Units);
