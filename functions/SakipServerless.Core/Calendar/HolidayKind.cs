namespace SakipServerless.Core.Calendar;

/// <summary>Why a day is off. The declaration order is also the precedence when two entries share a date.</summary>
public enum HolidayKind
{
    /// <summary>A national holiday set by the yearly SKB 3 Menteri.</summary>
    LiburNasional,

    /// <summary>A collective leave day set by the same SKB; for ASN offices it is a day off like a holiday.</summary>
    CutiBersama,

    /// <summary>A regional holiday a pemda declares for itself (e.g. its anniversary).</summary>
    LiburDaerah,
}
