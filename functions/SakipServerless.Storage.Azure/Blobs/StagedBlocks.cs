using global::Azure;

namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>What is committed of a staged upload: its length, the ETag a further commit must match, and its block ids in order.</summary>
internal sealed record StagedBlocks(long Length, ETag ETag, IReadOnlyList<string> BlockIds);
