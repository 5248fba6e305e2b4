using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using global::Azure.Core;
using global::Azure.Core.Pipeline;

namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>
/// Signs each request with the account key (the Blob service's SharedKey scheme): an HMAC-SHA256 over the verb,
/// the standard headers, the <c>x-ms-*</c> headers and the canonical resource.
/// </summary>
internal sealed class SharedKeySigningPolicy(BlobAccount account) : HttpPipelineSynchronousPolicy
{
    private static readonly string[] StandardHeaders =
        ["Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
         "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range"];

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
        string signature = Sign(StringToSign(request));
        request.Headers.SetValue("Authorization", $"SharedKey {account.AccountName}:{signature}");
    }

    internal string Sign(string stringToSign)
    {
        using var hmac = new HMACSHA256(account.AccountKey!);
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    internal string StringToSign(Request request)
    {
        var text = new StringBuilder(request.Method.Method).Append('\n');
        foreach (var name in StandardHeaders)
        {
            string value = request.Headers.TryGetValue(name, out var v) ? v : "";
            if (name == "Content-Length")
            {
                // An empty body signs as an empty length (API versions since 2015-02-21).
                value = request.Content is { } c && c.TryComputeLength(out long length) && length > 0 ? length.ToString(CultureInfo.InvariantCulture) : "";
            }

            text.Append(value).Append('\n');
        }

        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), h.Value))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            text.Append(header.Name).Append(':').Append(header.Value.Trim()).Append('\n');
        }

        var uri = request.Uri.ToUri();
        text.Append('/').Append(account.AccountName).Append(uri.AbsolutePath);
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        foreach (var key in query.AllKeys.Where(k => k is not null).Select(k => k!).OrderBy(k => k.ToLowerInvariant(), StringComparer.Ordinal))
        {
            var values = query.GetValues(key)!.OrderBy(v => v, StringComparer.Ordinal);
            text.Append('\n').Append(key.ToLowerInvariant()).Append(':').Append(string.Join(',', values));
        }

        return text.ToString();
    }
}
