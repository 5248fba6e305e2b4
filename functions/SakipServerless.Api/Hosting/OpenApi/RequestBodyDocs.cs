using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace SakipServerless.Api.Hosting.OpenApi;

/// <summary>
/// Describes a request body in the OpenAPI document without <c>Accepts</c>: that metadata also makes routing refuse
/// other content types with a bare English 415, before the handler could answer in Bahasa Indonesia.
/// </summary>
public static class RequestBodyDocs
{
    /// <summary>The extension that says, in the document itself, that a POST/PUT takes no body (OpenAPI has no other way).</summary>
    public const string NoBodyExtension = "x-sakip-no-body";

    public static RouteHandlerBuilder DocumentsJsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });

    public static RouteHandlerBuilder DocumentsCsvBody(this RouteHandlerBuilder builder, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
            };
            return Task.CompletedTask;
        });

    /// <summary>A raw file as the body, in any of <paramref name="contentTypes"/>; the handler judges it by its bytes.</summary>
    public static RouteHandlerBuilder DocumentsRawFileBody(this RouteHandlerBuilder builder, string description, params string[] contentTypes) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = contentTypes.ToDictionary(type => type,
                    _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
            };
            return Task.CompletedTask;
        });

    /// <summary>An action whose target is the path alone: documented as taking no body, so a reader knows it was not forgotten.</summary>
    public static RouteHandlerBuilder DocumentsNoBody(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[NoBodyExtension] = new JsonNodeExtension(JsonValue.Create(true));
            return Task.CompletedTask;
        });
}
