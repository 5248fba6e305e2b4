using System.Text.Json;

namespace SakipServerless.Api.FunctionsHost;

/// <summary>
/// An HTTP-triggered function whose route and methods are exactly those of one route of the app; with
/// <c>enableForwardingHttpRequest</c> the host forwards the request unchanged and the app's own routing answers it.
/// </summary>
/// <param name="Feature">The feature folder whose endpoints serve the route (Runs, Work, MasterData …).</param>
/// <param name="Route">Route template without the <c>api/</c> prefix, as the host expects it.</param>
/// <param name="Methods">Lower-case HTTP methods; empty means every method.</param>
/// <param name="AuthLevel"><c>anonymous</c> or <c>function</c> (see <see cref="FunctionCatalog"/>).</param>
public sealed record HttpFunction(string Name, string Feature, string Route, IReadOnlyList<string> Methods, string AuthLevel) : FunctionDefinition(Name)
{
    protected override void WriteBindings(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "httpTrigger");
        json.WriteString("direction", "in");
        json.WriteString("name", "req");
        json.WriteString("authLevel", AuthLevel);
        if (Methods.Count > 0)
        {
            json.WriteStartArray("methods");
            foreach (string method in Methods)
            {
                json.WriteStringValue(method);
            }

            json.WriteEndArray();
        }

        json.WriteString("route", Route);
        json.WriteEndObject();

        json.WriteStartObject();
        json.WriteString("type", "http");
        json.WriteString("direction", "out");
        json.WriteString("name", "res");
        json.WriteEndObject();
    }
}
