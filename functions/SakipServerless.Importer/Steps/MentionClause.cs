namespace SakipServerless.Importer.Steps;

/// <summary>Which branch of a decision text a mention sits in ("jika disetujui …", "jika tidak dikembalikan …").</summary>
internal enum MentionClause
{
    Main,
    Approve,
    Return,
}
