namespace SakipServerless.Core.Templates;

/// <summary>A Pelaksana column of the SOP table. Roles are kept in column order, most senior first.</summary>
public sealed record SopRole(string Id, string Title);
