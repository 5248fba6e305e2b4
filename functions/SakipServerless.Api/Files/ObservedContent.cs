namespace SakipServerless.Api.Files;

/// <summary>The whole-content facts of an upload: its length, SHA-256 (hex), first bytes and, for CSV, the text problem if any.</summary>
public sealed record ObservedContent(long Length, string Sha256, byte[] Head, string? TextProblem);
