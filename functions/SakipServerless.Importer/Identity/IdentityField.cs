namespace SakipServerless.Importer.Identity;

/// <summary>A labelled field of the identity block (Nomor SOP, Tanggal Pembuatan, Disahkan Oleh, Nama SOP …).</summary>
internal enum IdentityField
{
    Number,
    CreatedAt,
    RevisedAt,
    EffectiveAt,
    ApprovedBy,
    Title,

    /// <summary>A label of the letterhead column (Satuan Kerja) that carries no value of its own.</summary>
    Ignored,
}
