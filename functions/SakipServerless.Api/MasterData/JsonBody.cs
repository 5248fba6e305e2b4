using System.Collections;
using System.Reflection;
using System.Text.Json;
using SakipServerless.Api.Errors;
using SakipServerless.Core;

namespace SakipServerless.Api.MasterData;

/// <summary>
/// Reads a JSON request body in two passes — syntax, then shape — so a value of the wrong type is answered with a 400
/// whose <c>errors</c> map names the field and the type it needs, instead of the framework's generic refusal.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                "Kirim data dalam format JSON (Content-Type: application/json)."));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest("json-unreadable", $"Isi permintaan bukan JSON yang benar (baris {(e.LineNumber ?? 0) + 1})."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problems.BadRequest("json-unreadable", "Isi permintaan harus berupa objek JSON."));
            }

            try
            {
                return (document.RootElement.Deserialize<T>(CoreJson.Options), null);
            }
            catch (JsonException e)
            {
                string field = FieldName(e.Path);
                var errors = new ValidationErrors();
                errors.Add(field, $"Isian '{field}' harus berupa {Describe(TypeAt(typeof(T), e.Path))}.");
                return (null, errors.ToProblem());
            }
        }
    }

    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>Follows a path such as <c>$.units[1].id</c> through the request type to the type expected there.</summary>
    private static Type? TypeAt(Type root, string? path)
    {
        Type? current = root;
        foreach (string segment in (path ?? "$").TrimStart('$').Split(['.', '['], StringSplitOptions.RemoveEmptyEntries))
        {
            if (current is null)
            {
                return null;
            }

            current = segment.EndsWith(']') ? ElementType(current) : current
                .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(p.Name, segment.Trim('\''), StringComparison.OrdinalIgnoreCase))?.PropertyType;
        }

        return current;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string Describe(Type? type)
    {
        if (type is null)
        {
            return "nilai dengan jenis yang benar";
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return "salah satu dari: " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName));
        }

        return type switch
        {
            _ when type == typeof(string) => "teks",
            _ when type == typeof(int) || type == typeof(long) => "bilangan bulat",
            _ when type == typeof(decimal) || type == typeof(double) => "angka (mis. 87.5)",
            _ when type == typeof(bool) => "true atau false",
            _ when type == typeof(DateOnly) => "tanggal dengan format YYYY-MM-DD",
            _ when typeof(IEnumerable).IsAssignableFrom(type) => "daftar (array JSON)",
            _ => "objek JSON",
        };
    }
}
