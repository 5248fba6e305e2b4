using System.Text.Json;
using System.Text.RegularExpressions;

namespace SakipServerless.Core.Tests.Support;

/// <summary>
/// Checks JSON instances against the part of JSON Schema 2020-12 that the SOP template schema uses.
/// </summary>
/// <remarks>
/// No JSON-schema package is obtainable here, and a hand-written validator is only trustworthy if it
/// refuses what it does not understand: the whole schema is walked when the validator is built, and any
/// keyword outside the supported set throws <see cref="NotSupportedException"/> before a single instance
/// is checked. A schema change that adds such a keyword therefore fails the tests instead of being skipped.
/// Annotations (<c>$schema</c>, <c>$id</c>, <c>title</c>, <c>description</c>, <c>default</c>) carry no rule and are ignored.
/// </remarks>
public sealed class JsonSchemaValidator
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "default"];

    private static readonly HashSet<string> Assertions =
    [
        "type", "required", "properties", "additionalProperties", "items",
        "enum", "const", "pattern", "minimum", "maximum", "minLength", "minItems", "oneOf",
    ];

    private static readonly HashSet<string> TypeNames = ["object", "array", "string", "number", "integer", "boolean", "null"];

    private static readonly Regex PlainName = new("^[A-Za-z_$][A-Za-z0-9_$]*$", RegexOptions.CultureInvariant);

    private readonly JsonElement _schema;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public JsonSchemaValidator(JsonElement schema)
    {
        _schema = schema.Clone();
        Prepare(_schema, "#");
    }

    public static JsonSchemaValidator FromFile(string path) => new(JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(path)));

    /// <summary>Every rule the instance breaks; empty when it conforms.</summary>
    public IReadOnlyList<SchemaError> Validate(JsonElement instance)
    {
        var errors = new List<SchemaError>();
        Check(_schema, instance, "$", errors);
        return errors;
    }

    private void Prepare(JsonElement schema, string at)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(at, "a schema must be an object or a boolean");
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            string here = $"{at}/{keyword.Name}";
            if (Annotations.Contains(keyword.Name))
            {
                continue;
            }

            if (!Assertions.Contains(keyword.Name))
            {
                throw new NotSupportedException($"JSON Schema keyword '{keyword.Name}' at {here} is not supported by this validator.");
            }

            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "type":
                    var names = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
                    if (names.Count == 0 || names.Any(n => n.ValueKind != JsonValueKind.String || !TypeNames.Contains(n.GetString()!)))
                    {
                        throw Malformed(here, "expected a type name or an array of type names");
                    }

                    break;
                case "required":
                    if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.String))
                    {
                        throw Malformed(here, "expected an array of property names");
                    }

                    break;
                case "properties":
                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        throw Malformed(here, "expected an object of schemas");
                    }

                    foreach (var property in value.EnumerateObject())
                    {
                        Prepare(property.Value, $"{here}/{property.Name}");
                    }

                    break;
                case "additionalProperties":
                    Prepare(value, here);
                    break;
                case "items":
                    // An array here is the pre-2020 tuple form (prefixItems now): a different rule, so refuse it.
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        throw new NotSupportedException($"The array form of 'items' at {here} is not supported by this validator.");
                    }

                    Prepare(value, here);
                    break;
                case "enum":
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        throw Malformed(here, "expected an array of values");
                    }

                    break;
                case "const":
                    break;
                case "pattern":
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        throw Malformed(here, "expected a regular expression");
                    }

                    string pattern = value.GetString()!;
                    // JSON Schema patterns are ECMA-262 expressions; ECMAScript mode gives .NET the same
                    // meaning for \d and \w (ASCII only), which the duration pattern relies on.
                    _patterns.TryAdd(pattern, new Regex(pattern, RegexOptions.ECMAScript, TimeSpan.FromSeconds(1)));
                    break;
                case "minimum":
                case "maximum":
                    if (value.ValueKind != JsonValueKind.Number)
                    {
                        throw Malformed(here, "expected a number");
                    }

                    break;
                case "minLength":
                case "minItems":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int count) || count < 0)
                    {
                        throw Malformed(here, "expected a non-negative integer");
                    }

                    break;
                case "oneOf":
                    if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
                    {
                        throw Malformed(here, "expected a non-empty array of schemas");
                    }

                    int index = 0;
                    foreach (var branch in value.EnumerateArray())
                    {
                        Prepare(branch, $"{here}/{index++}");
                    }

                    break;
            }
        }
    }

    private void Check(JsonElement schema, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add(new(path, "no value is allowed here"));
            return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "type":
                    var names = value.ValueKind == JsonValueKind.Array
                        ? value.EnumerateArray().Select(n => n.GetString()!).ToList()
                        : [value.GetString()!];
                    if (!names.Any(n => IsOfType(instance, n)))
                    {
                        errors.Add(new(path, $"expected {string.Join(" or ", names)}, found {Describe(instance)}"));
                    }

                    break;
                case "required" when instance.ValueKind == JsonValueKind.Object:
                    foreach (var name in value.EnumerateArray().Select(n => n.GetString()!))
                    {
                        if (!instance.TryGetProperty(name, out _))
                        {
                            errors.Add(new(path, $"required property '{name}' is missing"));
                        }
                    }

                    break;
                case "properties" when instance.ValueKind == JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        if (instance.TryGetProperty(property.Name, out var child))
                        {
                            Check(property.Value, child, ChildPath(path, property.Name), errors);
                        }
                    }

                    break;
                case "additionalProperties" when instance.ValueKind == JsonValueKind.Object:
                    bool hasDeclared = schema.TryGetProperty("properties", out var declared);
                    foreach (var property in instance.EnumerateObject())
                    {
                        if (hasDeclared && declared.TryGetProperty(property.Name, out _))
                        {
                            continue;
                        }

                        if (value.ValueKind == JsonValueKind.False)
                        {
                            errors.Add(new(ChildPath(path, property.Name), $"property '{property.Name}' is not allowed here"));
                        }
                        else
                        {
                            Check(value, property.Value, ChildPath(path, property.Name), errors);
                        }
                    }

                    break;
                case "items" when instance.ValueKind == JsonValueKind.Array:
                    int index = 0;
                    foreach (var item in instance.EnumerateArray())
                    {
                        Check(value, item, $"{path}[{index++}]", errors);
                    }

                    break;
                case "enum":
                    if (!value.EnumerateArray().Any(allowed => JsonElement.DeepEquals(allowed, instance)))
                    {
                        errors.Add(new(path, $"{instance.GetRawText()} is not one of {value.GetRawText()}"));
                    }

                    break;
                case "const":
                    if (!JsonElement.DeepEquals(value, instance))
                    {
                        errors.Add(new(path, $"expected {value.GetRawText()}, found {instance.GetRawText()}"));
                    }

                    break;
                case "pattern" when instance.ValueKind == JsonValueKind.String:
                    if (!_patterns[value.GetString()!].IsMatch(instance.GetString()!))
                    {
                        errors.Add(new(path, $"\"{instance.GetString()}\" does not match the pattern {value.GetString()}"));
                    }

                    break;
                case "minimum" when instance.ValueKind == JsonValueKind.Number:
                    if (CompareNumbers(instance, value) < 0)
                    {
                        errors.Add(new(path, $"{instance.GetRawText()} is less than the minimum {value.GetRawText()}"));
                    }

                    break;
                case "maximum" when instance.ValueKind == JsonValueKind.Number:
                    if (CompareNumbers(instance, value) > 0)
                    {
                        errors.Add(new(path, $"{instance.GetRawText()} is greater than the maximum {value.GetRawText()}"));
                    }

                    break;
                case "minLength" when instance.ValueKind == JsonValueKind.String:
                    // JSON Schema counts characters as code points, not UTF-16 units.
                    int length = instance.GetString()!.EnumerateRunes().Count();
                    if (length < value.GetInt32())
                    {
                        errors.Add(new(path, $"length {length} is less than the minimum length {value.GetInt32()}"));
                    }

                    break;
                case "minItems" when instance.ValueKind == JsonValueKind.Array:
                    if (instance.GetArrayLength() < value.GetInt32())
                    {
                        errors.Add(new(path, $"{instance.GetArrayLength()} items, fewer than the minimum {value.GetInt32()}"));
                    }

                    break;
                case "oneOf":
                    CheckOneOf(value, instance, path, errors);
                    break;
                case var name when Assertions.Contains(name) || Annotations.Contains(name):
                    // An assertion whose instance type it does not apply to, or an annotation: no rule here.
                    break;
                default:
                    throw new NotSupportedException($"JSON Schema keyword '{keyword.Name}' is not supported by this validator.");
            }
        }
    }

    private void CheckOneOf(JsonElement branches, JsonElement instance, string path, List<SchemaError> errors)
    {
        var failures = new List<string>();
        int matching = 0;
        int index = 0;
        foreach (var branch in branches.EnumerateArray())
        {
            var branchErrors = new List<SchemaError>();
            Check(branch, instance, path, branchErrors);
            if (branchErrors.Count == 0)
            {
                matching++;
            }
            else
            {
                failures.Add($"[{index}] {string.Join("; ", branchErrors)}");
            }

            index++;
        }

        if (matching == 0)
        {
            // The branch errors are the useful part: they say what each alternative wanted.
            errors.Add(new(path, $"matches none of the {index} oneOf branches: {string.Join(" | ", failures)}"));
        }
        else if (matching > 1)
        {
            errors.Add(new(path, $"matches {matching} of the oneOf branches; exactly one is allowed"));
        }
    }

    private static bool IsOfType(JsonElement instance, string type) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && IsInteger(instance),
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => instance.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"JSON Schema type '{type}' is not supported by this validator."),
    };

    // 2020-12 counts 1.0 as an integer: the value decides, not how it is written.
    private static bool IsInteger(JsonElement number) =>
        number.TryGetDecimal(out decimal d) ? d == decimal.Truncate(d) : double.IsFinite(number.GetDouble()) && Math.Floor(number.GetDouble()) == number.GetDouble();

    private static int CompareNumbers(JsonElement left, JsonElement right) =>
        left.TryGetDecimal(out decimal l) && right.TryGetDecimal(out decimal r)
            ? l.CompareTo(r)
            : left.GetDouble().CompareTo(right.GetDouble());

    private static string Describe(JsonElement instance) => instance.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => instance.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string ChildPath(string path, string name) =>
        PlainName.IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static ArgumentException Malformed(string at, string expectation) =>
        new($"The schema is malformed at {at}: {expectation}.");
}
