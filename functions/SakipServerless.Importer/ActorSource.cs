namespace SakipServerless.Importer;

/// <summary>Where the importer took a step's actors from, weakest last; anything below <see cref="Named"/> is a reading a reviewer should confirm.</summary>
public enum ActorSource
{
    /// <summary>The document marks the actor columns of the row (checkbox, arrow, Mulai, Ya/Tidak …).</summary>
    Marked,

    /// <summary>The document names the actor in words (a Pelaksana column with names, or Keterangan).</summary>
    Named,

    /// <summary>Inferred from the activity text ("Memerintahkan Analis …" is done by the Analis's superior).</summary>
    FromText,

    /// <summary>Carried over from the neighbouring step (the recipient of a handover acts next).</summary>
    FromFlow,

    /// <summary>Guessed from the kind of activity and the role titles (staff recap, the planning head compiles).</summary>
    Guessed,

    /// <summary>Nobody could be determined.</summary>
    Unknown,
}
