namespace SakipServerless.Core.Storage;

/// <summary>One document to write in a batch that commits all or nothing.</summary>
public sealed record DocumentWrite(string TenantId, string Kind, string Id, object Document);
