namespace SakipServerless.Api.Files;

/// <summary>What inspection established about staged bytes: the allowed type they are, their size and SHA-256.</summary>
public sealed record InspectedFile(EvidenceType Type, long Size, string Sha256);
