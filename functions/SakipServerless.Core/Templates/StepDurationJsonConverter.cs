using System.Text.Json;
using System.Text.Json.Serialization;

namespace SakipServerless.Core.Templates;

/// <summary>Reads the schema's two shapes of <c>duration</c>: an ISO string, or an object with one value per period kind.</summary>
internal sealed class StepDurationJsonConverter : JsonConverter<StepDuration>
{
    public override StepDuration? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return new StepDuration(reader.GetString()!);
            case JsonTokenType.StartObject:
                string? def = null, tw = null, sm = null, th = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string name = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw new JsonException($"duration.{name} harus berupa teks durasi ISO 8601, mis. P1D.");
                    }

                    string value = reader.GetString()!;
                    switch (name)
                    {
                        case "default": def = value; break;
                        case "triwulan": tw = value; break;
                        case "semester": sm = value; break;
                        case "tahunan": th = value; break;
                        default: throw new JsonException($"duration memuat kunci '{name}' yang tidak dikenal; yang boleh: default, triwulan, semester, tahunan.");
                    }
                }

                return def is null
                    ? throw new JsonException("duration per periode wajib memiliki 'default'.")
                    : new StepDuration(def, tw, sm, th);
            default:
                throw new JsonException("duration harus berupa teks durasi ISO 8601 atau objek per jenis periode.");
        }
    }

    public override void Write(Utf8JsonWriter writer, StepDuration value, JsonSerializerOptions options)
    {
        if (!value.IsPerPeriod)
        {
            writer.WriteStringValue(value.Default);
            return;
        }

        writer.WriteStartObject();
        foreach (var (field, text) in value.Parts())
        {
            writer.WriteString(field, text);
        }

        writer.WriteEndObject();
    }
}
