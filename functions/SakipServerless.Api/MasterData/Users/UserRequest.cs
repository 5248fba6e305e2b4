namespace SakipServerless.Api.MasterData.Users;

/// <summary>A user as an admin sends it; <see cref="Id"/> is read on create only (the route names it on update).</summary>
public sealed record UserRequest(string? Id, string? Name, IReadOnlyList<string?>? Roles, string? OpdId, string? UnitId, string? Jabatan);
