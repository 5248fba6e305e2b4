namespace SakipServerless.Importer.Blocks;

/// <summary>The header blocks an SOP document has between its identity block and its procedure table.</summary>
internal enum HeaderBlockKind
{
    LegalBasis,
    Qualifications,
    RelatedSops,
    Equipment,
    Warnings,
    Records,
}
