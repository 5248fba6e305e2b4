using System.Globalization;
using System.Text;
using System.Xml.Linq;
using global::Azure.Core;
using global::Azure.Core.Pipeline;

namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>
/// The few Blob service operations the file store needs, on Azure.Core's HTTP pipeline (retries, logging):
/// create container, put (single shot or in blocks, streamed), get (streamed, ranged), delete, list by prefix.
/// </summary>
/// <remarks>
/// Large uploads go as blocks of <see cref="BlockSize"/> committed by one Put Block List at the end: until then
/// nothing is visible, so an interrupted upload leaves no committed blob (uncommitted blocks expire on their own).
/// </remarks>
public sealed class BlobRestClient
{
    /// <summary>Pinned service version; Azurite 3.35 and the public cloud both serve it.</summary>
    public const string ServiceVersion = "2021-08-06";

    private readonly HttpPipeline _pipeline;

    public BlobRestClient(BlobAccount account, TokenCredential? credential = null, BlobClientOptions? options = null)
    {
        Account = account;
        options ??= new BlobClientOptions();
        HttpPipelinePolicy auth = credential is not null
            ? new BearerTokenAuthenticationPolicy(credential, "https://storage.azure.com/.default")
            : account.AccountKey is not null
                ? new SharedKeySigningPolicy(account)
                : throw new ArgumentException("Either an account key or a token credential is required.", nameof(credential));
        _pipeline = HttpPipelineBuilder.Build(options, auth);
    }

    public BlobAccount Account { get; }

    /// <summary>Block size of streamed uploads; larger files are sent as several blocks.</summary>
    public int BlockSize { get; init; } = 4 * 1024 * 1024;

    public async Task CreateContainerIfMissingAsync(string container, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Put, container, null, "restype=container");
        await SendAsync(message, ct);
        if (message.Response.Status is not (201 or 409))
        {
            throw Failure(message.Response);
        }
    }

    /// <summary>Uploads a stream of any length without holding it in memory: one Put Blob when it fits a block, blocks otherwise.</summary>
    public async Task<long> UploadAsync(string container, string blob, Stream content, string? contentType = null, CancellationToken ct = default) =>
        await UploadAsync(container, blob, content, contentType, onlyIfNew: false, ct);

    /// <summary>As <see cref="UploadAsync(string,string,Stream,string,CancellationToken)"/>; with <paramref name="onlyIfNew"/> the commit fails (409/412) when the blob exists.</summary>
    public async Task<long> UploadAsync(string container, string blob, Stream content, string? contentType, bool onlyIfNew, CancellationToken ct = default)
    {
        var buffer = new byte[BlockSize];
        int first = await FillAsync(content, buffer, ct);
        if (first < BlockSize)
        {
            await PutBlobAsync(container, blob, buffer.AsMemory(0, first), contentType, ct, onlyIfNew);
            return first;
        }

        var blocks = new List<string>();
        long total = 0;
        for (int read = first; read > 0; read = await FillAsync(content, buffer, ct))
        {
            string id = Convert.ToBase64String(Encoding.ASCII.GetBytes(blocks.Count.ToString("D8", CultureInfo.InvariantCulture)));
            await PutBlockAsync(container, blob, id, buffer.AsMemory(0, read), ct);
            blocks.Add(id);
            total += read;
        }

        await PutBlockListAsync(container, blob, blocks, contentType, ct, onlyIfNew);
        return total;
    }

    public async Task PutBlobAsync(string container, string blob, ReadOnlyMemory<byte> content, string? contentType, CancellationToken ct = default, bool onlyIfNew = false)
    {
        using var message = Create(RequestMethod.Put, container, blob, null);
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        if (onlyIfNew)
        {
            message.Request.Headers.SetValue("If-None-Match", "*");
        }

        if (contentType is not null)
        {
            message.Request.Headers.SetValue("x-ms-blob-content-type", contentType);
        }

        message.Request.Content = RequestContent.Create(content);
        await SendExpectingAsync(message, 201, ct);
    }

    public async Task<BlobDownload> DownloadAsync(string container, string blob, long? offset = null, long? length = null, CancellationToken ct = default)
    {
        var message = Create(RequestMethod.Get, container, blob, null);
        message.BufferResponse = false;
        if (offset is not null)
        {
            message.Request.Headers.SetValue("x-ms-range", length is { } l ? $"bytes={offset}-{offset + l - 1}" : $"bytes={offset}-");
        }

        await SendAsync(message, ct);
        if (message.Response.Status is not (200 or 206))
        {
            var failure = Failure(message.Response);
            message.Dispose();
            throw failure;
        }

        long size = message.Response.Headers.ContentLength ?? -1;
        message.Response.Headers.TryGetValue("Content-Type", out var type);
        return new BlobDownload(message.Response.ContentStream!, size, type, message);
    }

    /// <summary>Size and last write of a blob, or null when it does not exist (Get Blob Properties).</summary>
    public async Task<BlobItem?> GetPropertiesAsync(string container, string blob, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Head, container, blob, null);
        await SendAsync(message, ct);
        if (message.Response.Status == 404)
        {
            return null;
        }

        if (message.Response.Status != 200)
        {
            throw Failure(message.Response);
        }

        var headers = message.Response.Headers;
        headers.TryGetValue("Content-Type", out var type);
        headers.TryGetValue("Last-Modified", out var modified);
        return new BlobItem(blob, headers.ContentLength ?? 0, type, modified is null ? null : DateTimeOffset.Parse(modified, CultureInfo.InvariantCulture));
    }

    /// <summary>Creates an empty append blob; false when one exists already (nothing changed).</summary>
    public async Task<bool> CreateAppendBlobAsync(string container, string blob, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Put, container, blob, null);
        message.Request.Headers.SetValue("x-ms-blob-type", "AppendBlob");
        message.Request.Headers.SetValue("If-None-Match", "*");
        await SendAsync(message, ct);
        return message.Response.Status switch
        {
            201 => true,
            409 or 412 => false,
            _ => throw Failure(message.Response),
        };
    }

    /// <summary>
    /// Appends a block only if the blob's length is <paramref name="position"/> (the service checks it atomically):
    /// false when it is not, so two writers can never interleave bytes.
    /// </summary>
    public async Task<bool> AppendBlockAsync(string container, string blob, long position, ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Put, container, blob, "comp=appendblock");
        message.Request.Headers.SetValue("x-ms-blob-condition-appendpos", position.ToString(CultureInfo.InvariantCulture));
        message.Request.Content = RequestContent.Create(content);
        await SendAsync(message, ct);
        return message.Response.Status switch
        {
            201 => true,
            412 => false,
            _ => throw Failure(message.Response),
        };
    }

    /// <summary>Deletes a blob; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string container, string blob, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Delete, container, blob, null);
        await SendAsync(message, ct);
        return message.Response.Status switch
        {
            202 => true,
            404 => false,
            _ => throw Failure(message.Response),
        };
    }

    public async Task<IReadOnlyList<BlobItem>> ListAsync(string container, string prefix, CancellationToken ct = default)
    {
        var items = new List<BlobItem>();
        string? marker = null;
        do
        {
            string query = "restype=container&comp=list&prefix=" + Uri.EscapeDataString(prefix) + (marker is null ? "" : "&marker=" + Uri.EscapeDataString(marker));
            using var message = Create(RequestMethod.Get, container, null, query);
            await SendExpectingAsync(message, 200, ct);
            var xml = XDocument.Parse(message.Response.Content.ToString());
            foreach (var blob in xml.Descendants("Blob"))
            {
                var props = blob.Element("Properties");
                items.Add(new BlobItem(
                    (string)blob.Element("Name")!,
                    (long?)props?.Element("Content-Length") ?? 0,
                    (string?)props?.Element("Content-Type"),
                    props?.Element("Last-Modified") is { } lm ? DateTimeOffset.Parse(lm.Value, CultureInfo.InvariantCulture) : null));
            }

            marker = (string?)xml.Root?.Element("NextMarker");
        }
        while (!string.IsNullOrEmpty(marker));

        return items;
    }

    public Uri BlobUri(string container, string? blob) =>
        new($"{Account.BlobEndpoint.ToString().TrimEnd('/')}/{container}{(blob is null ? "" : "/" + Uri.EscapeDataString(blob))}");

    private async Task PutBlockAsync(string container, string blob, string blockId, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        using var message = Create(RequestMethod.Put, container, blob, "comp=block&blockid=" + Uri.EscapeDataString(blockId));
        message.Request.Content = RequestContent.Create(content);
        await SendExpectingAsync(message, 201, ct);
    }

    private async Task PutBlockListAsync(string container, string blob, IReadOnlyList<string> blocks, string? contentType, CancellationToken ct, bool onlyIfNew)
    {
        var xml = new XElement("BlockList", blocks.Select(b => new XElement("Latest", b)));
        using var message = Create(RequestMethod.Put, container, blob, "comp=blocklist");
        if (onlyIfNew)
        {
            message.Request.Headers.SetValue("If-None-Match", "*");
        }

        if (contentType is not null)
        {
            message.Request.Headers.SetValue("x-ms-blob-content-type", contentType);
        }

        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + xml));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        await SendExpectingAsync(message, 201, ct);
    }

    private HttpMessage Create(RequestMethod method, string container, string? blob, string? query)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        var uri = BlobUri(container, blob);
        message.Request.Uri.Reset(query is null ? uri : new Uri(uri + "?" + query));
        message.Request.Headers.SetValue("x-ms-version", ServiceVersion);
        return message;
    }

    /// <summary>
    /// Sends through the pipeline; when its retries end on transport failures (a cut connection, a timeout), Azure.Core
    /// throws them raw — they become a 503 <see cref="BlobStorageException"/> so callers see one kind of storage failure.
    /// </summary>
    private async Task SendAsync(HttpMessage message, CancellationToken ct)
    {
        try
        {
            await _pipeline.SendAsync(message, ct);
        }
        catch (Exception e) when (e is AggregateException or global::Azure.RequestFailedException or HttpRequestException or IOException
            && !ct.IsCancellationRequested)
        {
            throw new BlobStorageException(503, "Unreachable", $"Blob service could not be reached: {e.GetBaseException().Message}", e);
        }
    }

    private async Task SendExpectingAsync(HttpMessage message, int expected, CancellationToken ct)
    {
        await SendAsync(message, ct);
        if (message.Response.Status != expected)
        {
            throw Failure(message.Response);
        }
    }

    private static BlobStorageException Failure(global::Azure.Response response)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        return new BlobStorageException(response.Status, code, $"Blob service answered {response.Status} {code ?? response.ReasonPhrase}.");
    }

    private static async Task<int> FillAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(total), ct);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
