using Microsoft.OpenApi;

namespace SakipServerless.Api.Files;

/// <summary>Describes upload bodies in the OpenAPI document (without <c>Accepts</c>, so refusals stay our problem+json).</summary>
public static class UploadBodyDocs
{
    public static RouteHandlerBuilder DocumentsFileBody(this RouteHandlerBuilder builder, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var binary = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "file" },
                            Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = binary },
                        },
                    },
                    ["application/octet-stream"] = new() { Schema = binary },
                },
            };
            return Task.CompletedTask;
        });

    public static RouteHandlerBuilder DocumentsChunkBody(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "Potongan berkas apa adanya; header Content-Range: bytes awal-akhir/ukuran menyebut letaknya.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/octet-stream"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            };
            return Task.CompletedTask;
        });
}
