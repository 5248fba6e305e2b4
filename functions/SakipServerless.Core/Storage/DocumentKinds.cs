namespace SakipServerless.Core.Storage;

/// <summary>The kinds of master-data documents; each adapter stores them keyed by (tenant, kind, id).</summary>
public static class DocumentKinds
{
    public const string Tenant = "tenant";
    public const string Opd = "opd";
    public const string User = "user";
    public const string Indicator = "indicator";

    /// <summary>Published SOP template versions, id <c>{templateId}@{version}</c>; immutable once written.</summary>
    public const string Template = "template";

    /// <summary>Resumable evidence uploads in progress (owner, run, declared name and size); the bytes are in the file store.</summary>
    public const string UploadSession = "upload-session";
}
