using SakipServerless.Core.Periods;
using SakipServerless.Core.Templates;
using SakipServerless.Core.Tests.Support;

namespace SakipServerless.Core.Tests.Templates;

/// <summary>The schedule as a template field: its JSON shape and what the validator refuses.</summary>
public sealed class StartScheduleTemplateTests
{
    [Fact]
    public void SeedTemplate000_DeclaresTanggal10AwalTriwulan()
    {
        var template = SopTemplateJson.Parse(File.ReadAllText(Path.Combine(SeedTemplates.Folder, "jeneponto-kesbangpol-pengumpulan-data-kinerja.json")));

        Assert.Equal(new StartSchedule { Every = PeriodKind.Triwulan, Day = 10, Serves = SchedulePeriod.Previous, Source = "setiap tanggal 10 awal Triwulan" }, template.Schedule);
    }

    [Fact]
    public void Schedule_RoundTripsInTheSchemasShape()
    {
        var template = TemplateBuilder.Standard() with { Schedule = new StartSchedule { Every = PeriodKind.Semester, Day = 5, Time = "08:00", Serves = SchedulePeriod.Current } };

        string json = SopTemplateJson.Serialize(template);

        Assert.Contains("\"every\": \"semester\"", json, StringComparison.Ordinal);
        Assert.Contains("\"serves\": \"current\"", json, StringComparison.Ordinal);
        Assert.Equal(template.Schedule, SopTemplateJson.Parse(json).Schedule);
    }

    [Theory]
    [InlineData(0, null, "schedule.day")]
    [InlineData(29, null, "schedule.day")]
    [InlineData(10, "7.30", "schedule.time")]
    [InlineData(10, "24:00", "schedule.time")]
    public void AnInvalidDayOrTime_IsNamed(int day, string? time, string path)
    {
        var template = TemplateBuilder.Standard() with { Schedule = new StartSchedule { Every = PeriodKind.Triwulan, Day = day, Time = time } };

        var error = Assert.Single(TemplateValidator.Validate(template));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void AnUnknownCycle_IsATemplateFormatError()
    {
        string json = SopTemplateJson.Serialize(TemplateBuilder.Standard() with { Schedule = new StartSchedule { Every = PeriodKind.Triwulan, Day = 10 } })
            .Replace("\"triwulan\"", "\"bulanan\"", StringComparison.Ordinal);

        Assert.Throws<TemplateFormatException>(() => SopTemplateJson.Parse(json));
    }
}
