namespace SakipServerless.Core.Calendar;

/// <summary>How a step's duration counts: office working time (the default) or plain elapsed time.</summary>
public enum CalendarMode
{
    /// <summary>Office hours only, skipping weekends, libur nasional, cuti bersama and libur daerah.</summary>
    Working,

    /// <summary>Plain elapsed time: days are 24 hours, nights and holidays count.</summary>
    Calendar,
}
