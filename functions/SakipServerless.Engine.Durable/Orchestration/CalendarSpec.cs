using SakipServerless.Core.Calendar;

namespace SakipServerless.Engine.Durable.Orchestration;

/// <summary>
/// A tenant's working calendar as orchestration input: its zone and its own libur daerah. National holidays and office
/// hours come with the code (<see cref="HolidayCalendar.Indonesia"/>, <see cref="OfficeHours.Default"/>), which the
/// versioning rule in <see cref="SopRunOrchestrator"/> covers.
/// </summary>
public sealed record CalendarSpec(string TimeZone, IReadOnlyList<DateOnly> LiburDaerah)
{
    public WorkCalendar Build() =>
        WorkCalendar.ForZone(TimeZone, holidays: HolidayCalendar.Indonesia.With(LiburDaerah.Select(d => new Holiday(d, "Libur daerah", HolidayKind.LiburDaerah))));
}
