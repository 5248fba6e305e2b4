namespace SakipServerless.Importer.Steps;

/// <summary>The part a role named in an activity text plays in it.</summary>
internal enum MentionRole
{
    /// <summary>Does the activity ("Laporan Sekretaris …", "Rapat Kepala Seksi …", "oleh Kabid").</summary>
    Subject,

    /// <summary>Is commanded ("Memerintahkan Analis …", "Menugaskan Kasubag …").</summary>
    Object,

    /// <summary>Receives something ("kepada Camat", "pada Kasubid/Kasubag").</summary>
    Recipient,

    /// <summary>Takes part alongside ("dengan Tim", "bersama Sekretaris").</summary>
    Companion,
}
