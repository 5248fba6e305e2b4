using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>
/// A service SAS for reading one blob for a short time (signed with the account key), so a download can go
/// straight from Blob Storage to the browser without the key leaving the server.
/// </summary>
/// <remarks>With managed identity (no account key) a user-delegation SAS is the equivalent; it is not built here.</remarks>
public static class BlobSasBuilder
{
    public static Uri ReadUri(BlobRestClient client, string container, string blob, DateTimeOffset startsOn, DateTimeOffset expiresOn, string? contentDisposition = null)
    {
        var account = client.Account;
        if (account.AccountKey is null)
        {
            throw new InvalidOperationException("A service SAS needs the account key.");
        }

        string st = startsOn.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        string se = expiresOn.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        string resource = $"/blob/{account.AccountName}/{container}/{blob}";
        string protocol = account.BlobEndpoint.Scheme == "https" ? "https" : "https,http";
        string toSign = string.Join('\n',
            "r", st, se, resource, "", "", protocol, BlobRestClient.ServiceVersion, "b", "", "", "", contentDisposition ?? "", "", "", "");
        using var hmac = new HMACSHA256(account.AccountKey);
        string sig = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(toSign)));

        var query = new StringBuilder()
            .Append("sv=").Append(BlobRestClient.ServiceVersion)
            .Append("&sr=b&sp=r")
            .Append("&st=").Append(Uri.EscapeDataString(st))
            .Append("&se=").Append(Uri.EscapeDataString(se))
            .Append("&spr=").Append(Uri.EscapeDataString(protocol));
        if (contentDisposition is not null)
        {
            query.Append("&rscd=").Append(Uri.EscapeDataString(contentDisposition));
        }

        query.Append("&sig=").Append(Uri.EscapeDataString(sig));
        return new Uri(client.BlobUri(container, blob) + "?" + query);
    }
}
