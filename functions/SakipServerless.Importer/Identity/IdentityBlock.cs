namespace SakipServerless.Importer.Identity;

/// <summary>What the identity block of an SOP document says: the numbered fields, the title and the letterhead lines.</summary>
internal sealed record IdentityBlock(
    string? Number,
    string? CreatedAt,
    string? RevisedAt,
    string? EffectiveAt,
    string? ApprovedBy,
    string? Title,
    IReadOnlyList<string> HeadingLines);
