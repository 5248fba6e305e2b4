namespace SakipServerless.Core.Capaian;

/// <summary>Which direction of an indicator's value is better.</summary>
public enum Polarity
{
    /// <summary>Higher is better (e.g. persentase penyelesaian konflik).</summary>
    Positive,

    /// <summary>Lower is better (e.g. konflik sosial, angka kriminalitas).</summary>
    Negative,
}
