using System.Text;
using System.Text.Json;

namespace SakipServerless.Api.FunctionsHost;

/// <summary>One Azure Functions function of the app: a folder named <see cref="Name"/> holding its <c>function.json</c>.</summary>
public abstract record FunctionDefinition(string Name)
{
    /// <summary>The function.json text: stable formatting (two-space indent, LF, final newline) so the committed files diff cleanly.</summary>
    public string ToFunctionJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteStartArray("bindings");
            WriteBindings(json);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    protected abstract void WriteBindings(Utf8JsonWriter json);
}
