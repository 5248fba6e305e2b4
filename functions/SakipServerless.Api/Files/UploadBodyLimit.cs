using Microsoft.AspNetCore.Http.Metadata;

namespace SakipServerless.Api.Files;

/// <summary>
/// The body limit of an upload endpoint, as endpoint metadata: routing raises the server's limit to it for that
/// endpoint only (every other endpoint keeps the JSON limit), and the JSON size check lets such endpoints through.
/// </summary>
public sealed record UploadBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
