namespace SakipServerless.Dashboard.Uploads;

/// <summary>An unfinished upload: who started it, for which run, the file's declared name, type and size.</summary>
public sealed record UploadSession(string Id, string UserKey, string RunId, string FileName, string? ContentType, long Size, DateTimeOffset CreatedAt);
