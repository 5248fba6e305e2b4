using System.Globalization;
using System.Text.Json;

namespace SakipServerless.Core.Calendar;

/// <summary>Reads one year's holiday file: <c>year</c>, <c>decree</c>, <c>libur_nasional</c> and <c>cuti_bersama</c> (each <c>[{date, name}]</c>).</summary>
/// <remarks>
/// The file is edited by hand when the Minister of Religious Affairs revises a date, so every mistake is reported
/// with its place (<c>cuti_bersama[2].date</c>) instead of being skipped. <c>decree_date</c>, <c>revisions</c>,
/// <c>sources</c> and <c>note</c> are provenance for people; they are checked for shape only. Unknown keys are ignored.
/// </remarks>
internal static class HolidayYearFile
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static HolidayCalendar Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Holiday file is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"Holiday file must be a JSON object with year, decree, libur_nasional and cuti_bersama; found {Describe(root)}.");
            }

            if (!root.TryGetProperty("year", out var yearElement) || yearElement.ValueKind != JsonValueKind.Number || !yearElement.TryGetInt32(out int year) || year is < 1 or > 9999)
            {
                throw new FormatException("Holiday file needs \"year\": a whole number such as 2026.");
            }

            string where = $"Holiday file {year}";
            if (!root.TryGetProperty("decree", out var decree) || decree.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(decree.GetString()))
            {
                throw new FormatException($"{where} needs \"decree\": the text of the decree (SKB) that sets the year's days off.");
            }

            if (root.TryGetProperty("decree_date", out var decreeDate))
            {
                ReadDate(decreeDate, $"{where}: decree_date");
            }

            CheckRevisions(root, where);
            CheckOptional(root, "sources", JsonValueKind.Array, where);
            CheckOptional(root, "note", JsonValueKind.String, where);

            var entries = new List<Holiday>();
            ReadList(root, "libur_nasional", HolidayKind.LiburNasional, year, where, entries);
            ReadList(root, "cuti_bersama", HolidayKind.CutiBersama, year, where, entries);

            // A date in both lists is a contradiction, most likely a half-done edit of a moved date.
            var clash = entries.GroupBy(h => h.Date).FirstOrDefault(g => g.Select(h => h.Kind).Distinct().Count() > 1);
            if (clash is not null)
            {
                throw new FormatException($"{where}: {clash.Key:yyyy-MM-dd} is listed both as libur nasional and as cuti bersama.");
            }

            return new HolidayCalendar(entries, [new KeyValuePair<int, string>(year, decree.GetString()!)]);
        }
    }

    private static void ReadList(JsonElement root, string key, HolidayKind kind, int year, string where, List<Holiday> entries)
    {
        if (!root.TryGetProperty(key, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{where} needs \"{key}\": an array of {{\"date\": \"yyyy-MM-dd\", \"name\": \"...\"}} (it may be empty).");
        }

        var seen = new HashSet<(DateOnly, string)>();
        int index = 0;
        foreach (var item in list.EnumerateArray())
        {
            string at = $"{where}: {key}[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{at} must be an object with date and name; found {Describe(item)}.");
            }

            if (!item.TryGetProperty("date", out var dateElement))
            {
                throw new FormatException($"{at} has no date.");
            }

            var date = ReadDate(dateElement, $"{at}.date");
            if (date.Year != year)
            {
                throw new FormatException($"{at}.date {date:yyyy-MM-dd} is not in {year}.");
            }

            if (!item.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(nameElement.GetString()))
            {
                throw new FormatException($"{at} ({date:yyyy-MM-dd}) needs a non-empty name.");
            }

            string name = nameElement.GetString()!.Trim();
            if (!seen.Add((date, name)))
            {
                throw new FormatException($"{at}: {date:yyyy-MM-dd} {name} is listed twice.");
            }

            entries.Add(new Holiday(date, name, kind));
            index++;
        }
    }

    private static void CheckRevisions(JsonElement root, string where)
    {
        if (!root.TryGetProperty("revisions", out var revisions))
        {
            return;
        }

        if (revisions.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{where}: revisions must be an array; found {Describe(revisions)}.");
        }

        int index = 0;
        foreach (var revision in revisions.EnumerateArray())
        {
            if (revision.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{where}: revisions[{index}] must be an object with decree, date and change; found {Describe(revision)}.");
            }

            if (revision.TryGetProperty("date", out var date))
            {
                ReadDate(date, $"{where}: revisions[{index}].date");
            }

            index++;
        }
    }

    private static void CheckOptional(JsonElement root, string key, JsonValueKind kind, string where)
    {
        if (root.TryGetProperty(key, out var value) && value.ValueKind != kind)
        {
            throw new FormatException($"{where}: {key} must be {(kind == JsonValueKind.Array ? "an array" : "a string")}; found {Describe(value)}.");
        }
    }

    private static DateOnly ReadDate(JsonElement element, string at)
    {
        if (element.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new FormatException($"{at} {element.GetRawText()} is not a date in yyyy-MM-dd form.");
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
