namespace SakipServerless.Core.Templates;

/// <summary>The agency (OPD) that owns the SOP document.</summary>
public sealed record SopAgency(string Name, string? Unit = null, string? Region = null, string? TimeZone = null);

/// <summary>The identity block of the source document; null where the document leaves it empty.</summary>
public sealed record SopDocument(
    string? Number = null,
    string? CreatedAt = null,
    string? RevisedAt = null,
    string? EffectiveAt = null,
    string? ApprovedBy = null,
    string? Source = null);
