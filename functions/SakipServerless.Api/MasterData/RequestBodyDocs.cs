using Microsoft.OpenApi;

namespace SakipServerless.Api.MasterData;

/// <summary>
/// Describes a request body in the OpenAPI document without <c>Accepts</c>: that metadata also makes routing refuse
/// other content types with a bare English 415, before the handler could answer in Bahasa Indonesia.
/// </summary>
public static class RequestBodyDocs
{
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
}
