using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace SakipServerless.Api.Hosting.OpenApi;

/// <summary>
/// Documents the problem+json answers every operation can give, from what the endpoint is rather than by hand on each
/// route: 401/403 where sign-in is required, 404 where the path names something, 400/413/415 where a body or a query
/// is read, 409/422 where state changes, 429 where a limit applies. An endpoint's own <c>ProducesProblem</c> stays.
/// </summary>
/// <remarks>
/// A document transformer, not an operation one: it must run after the routes' own operation transformers, which add
/// the bodies read by hand (SOP files, CSV, chunks) that decide 413/415 here.
/// </remarks>
public sealed class ProblemResponsesTransformer : IOpenApiDocumentTransformer
{
    private static readonly string[] Mutating = ["POST", "PUT", "PATCH", "DELETE"];

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        foreach (var description in context.DescriptionGroups.SelectMany(g => g.Items))
        {
            if (document.Paths is null || description.HttpMethod is null
                || !document.Paths.TryGetValue("/" + description.RelativePath?.TrimEnd('/'), out var path) || path.Operations is null
                || !path.Operations.TryGetValue(new HttpMethod(description.HttpMethod), out var operation))
            {
                continue;
            }

            Describe(operation, description, schema);
        }
    }

    private static void Describe(OpenApiOperation operation, Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description, IOpenApiSchema schema)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        string method = description.HttpMethod ?? "GET";
        bool anonymous = metadata.OfType<IAllowAnonymous>().Any();
        bool signedIn = !anonymous && metadata.OfType<IAuthorizeData>().Any();
        bool hasBody = operation.RequestBody is not null;
        bool hasQuery = operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true;

        var wanted = new List<(int Status, string Text)>();
        if (hasBody || hasQuery || Mutating.Contains(method))
        {
            wanted.Add((400, "Permintaan tidak valid; detail dan errors menyebut isian yang salah."));
        }

        if (signedIn)
        {
            wanted.Add((401, "Belum masuk, atau token tidak berlaku lagi."));
            wanted.Add((403, "Peran atau OPD pengguna tidak mengizinkan tindakan ini."));
        }

        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true || anonymous && Mutating.Contains(method))
        {
            wanted.Add((404, "Yang disebut di alamat (atau di isi permintaan) tidak ditemukan."));
        }

        if (Mutating.Contains(method) && signedIn)
        {
            wanted.Add((409, "Bertentangan dengan keadaan saat ini (sudah ada, sudah berubah, atau langkah tidak aktif)."));
            wanted.Add((422, "Ditolak oleh aturan (mutu baku, kelengkapan, nilai tidak wajar yang belum dikonfirmasi)."));
        }

        if (hasBody)
        {
            wanted.Add((413, "Isi permintaan melebihi batas ukuran."));
            wanted.Add((415, "Jenis isi (Content-Type atau isi berkas) tidak diterima."));
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any() || metadata.OfType<RateLimitedMetadata>().Any())
        {
            wanted.Add((429, "Terlalu banyak permintaan; tunggu sebanyak detik di Retry-After."));
        }

        operation.Responses ??= [];
        foreach (var (status, text) in wanted)
        {
            string key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                continue;
            }

            operation.Responses[key] = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
            };
        }
    }
}

/// <summary>Marks an endpoint that applies a rate limit itself (not through the middleware's policy).</summary>
public sealed class RateLimitedMetadata;
