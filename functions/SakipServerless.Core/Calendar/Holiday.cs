namespace SakipServerless.Core.Calendar;

/// <summary>One day off: its date, its name as the decree words it, and its kind.</summary>
public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind);
