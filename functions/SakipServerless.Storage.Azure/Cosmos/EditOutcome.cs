namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>What a guarded edit of one item came to.</summary>
internal enum EditOutcome
{
    /// <summary>There is no such item.</summary>
    Missing,

    /// <summary>The item is there but the edit had nothing to change (nothing was written).</summary>
    Unchanged,

    Written,
}
