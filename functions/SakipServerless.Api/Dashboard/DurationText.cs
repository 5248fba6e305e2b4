namespace SakipServerless.Api.Dashboard;

/// <summary>Durations in Bahasa Indonesia, largest units first ("2 hari 3 jam 5 menit").</summary>
public static class DurationText
{
    public static string Of(long minutes)
    {
        if (minutes < 1)
        {
            return "kurang dari 1 menit";
        }

        long days = minutes / (24 * 60), hours = minutes / 60 % 24, rest = minutes % 60;
        var parts = new List<string>(3);
        if (days > 0) parts.Add($"{days} hari");
        if (hours > 0) parts.Add($"{hours} jam");
        if (rest > 0) parts.Add($"{rest} menit");
        return string.Join(' ', parts);
    }
}
