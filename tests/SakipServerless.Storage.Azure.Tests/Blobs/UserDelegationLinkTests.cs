using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using SakipServerless.Storage.Azure.Blobs;
using SakipServerless.Storage.Azure.Files;

namespace SakipServerless.Storage.Azure.Tests.Blobs;

/// <summary>
/// Without an account key (managed identity in Azure) a read link is a user-delegation SAS. Azurite gives delegation
/// keys only in its OAuth mode (HTTPS and a certificate), so the service is answered here by a handler under the
/// SDK's transport: the request it receives and the link built from its key are what is checked.
/// </summary>
public sealed class UserDelegationLinkTests
{
    [Fact]
    public async Task WithoutAnAccountKey_TheLinkIsAUserDelegationSas_FromAKeyAskedForWithTheIdentitysToken()
    {
        var service = new DelegationKeyService();
        var options = BlobPipeline.Options(new HttpClientTransport(new HttpClient(service)));
        var client = new BlobServiceClient(new Uri("https://sakipbukti.blob.core.windows.net"), new FixedToken(), options);
        var store = new BlobFileStore(client.GetBlobContainerClient("evidence"));

        var link = await store.ReadLinkAsync("t1/run-1/file-1", TimeSpan.FromMinutes(10), "laporan.pdf");

        var asked = Assert.Single(service.Requests);
        Assert.Equal("POST", asked.Method);
        Assert.Contains("comp=userdelegationkey", asked.Query, StringComparison.Ordinal);
        Assert.Equal("Bearer token-of-the-identity", asked.Authorization);
        Assert.Equal("https://sakipbukti.blob.core.windows.net/evidence/files/t1/run-1/file-1", link.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.Equal(DelegationKeyService.ObjectId, query["skoid"]);
        Assert.Equal(DelegationKeyService.TenantId, query["sktid"]);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("b", query["sr"]);
        Assert.Contains("laporan.pdf", query["rscd"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(query["sig"]));
    }

    private sealed class FixedToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token-of-the-identity", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Answers Get User Delegation Key as the service does; any other request is a test failure (404).</summary>
    private sealed class DelegationKeyService : HttpMessageHandler
    {
        public const string ObjectId = "6f1e0b2a-0000-4000-8000-000000000001";
        public const string TenantId = "6f1e0b2a-0000-4000-8000-000000000002";

        public List<(string Method, string Query, string? Authorization)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.Method.Method, request.RequestUri!.Query, request.Headers.Authorization?.ToString()));
            if (!request.RequestUri.Query.Contains("comp=userdelegationkey", StringComparison.Ordinal))
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request });
            }

            var now = DateTimeOffset.UtcNow;
            string xml = $"""
                <?xml version="1.0" encoding="utf-8"?>
                <UserDelegationKey><SignedOid>{ObjectId}</SignedOid><SignedTid>{TenantId}</SignedTid><SignedStart>{now.AddMinutes(-5):yyyy-MM-ddTHH:mm:ssZ}</SignedStart><SignedExpiry>{now.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}</SignedExpiry><SignedService>b</SignedService><SignedVersion>2025-11-05</SignedVersion><Value>{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}</Value></UserDelegationKey>
                """;
            var answer = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(xml, Encoding.UTF8, "application/xml") };
            answer.Headers.Add("x-ms-request-id", Guid.NewGuid().ToString());
            return Task.FromResult(answer);
        }
    }
}
