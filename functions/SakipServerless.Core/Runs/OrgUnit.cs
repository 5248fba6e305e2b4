namespace SakipServerless.Core.Runs;

/// <summary>A unit of an OPD (bidang, seksi, sub bagian, kelurahan) that receives a task in each collect step.</summary>
public sealed record OrgUnit(string Id, string Name);
