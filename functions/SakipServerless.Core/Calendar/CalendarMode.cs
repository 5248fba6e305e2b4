namespace SakipServerless.Core.Calendar;

/// <summary>How step durations count: office working time (the default) or plain calendar time.</summary>
public enum CalendarMode
{
    Working,
    Calendar,
}
