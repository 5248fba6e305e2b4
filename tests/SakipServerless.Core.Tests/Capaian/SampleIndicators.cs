using SakipServerless.Core.Capaian;

namespace SakipServerless.Core.Tests.Capaian;

/// <summary>Real indicators from shared/data/indikator-contoh.json (source agency named on each), as fixtures.</summary>
internal static class SampleIndicators
{
    /// <summary>Kesbangpol Kab. Wonogiri, LKjIP 2020 Tabel 3.7: target 0, realisasi 0, reported capaian 100 %.</summary>
    public static Indicator KonflikSosial { get; } = new(
        "kesbangpol-konflik-sosial",
        "Konflik sosial",
        "kejadian",
        Polarity.Negative,
        AggregationType.Kumulatif,
        "Meningkatnya toleransi antar umat dan intern beragama, etnis, suku dan golongan");

    /// <summary>Bakesbangpol Kota Pasuruan, IKU 2016–2020: crimes per 1.000 inhabitants, lower is better.</summary>
    public static Indicator AngkaKriminalitas { get; } = new(
        "kesbangpol-angka-kriminalitas",
        "Angka kriminalitas",
        "per 1.000 penduduk",
        Polarity.Negative,
        AggregationType.Kumulatif,
        "Meningkatnya pengetahuan, pemahaman, dan kesadaran masyarakat tentang pentingnya 4 (Empat) Pilar Kebangsaan");

    /// <summary>Bakesbangpol Kab. Dharmasraya: a ratio, so the latest value stands for the period.</summary>
    public static Indicator PenyelesaianKonflikSosial { get; } = new(
        "kesbangpol-penyelesaian-konflik",
        "Persentase Penyelesaian Konflik Sosial",
        "persen",
        Polarity.Positive,
        AggregationType.NonKumulatif);

    /// <summary>Bakesbangpol Kota Pasuruan: a "penurunan" share turns negative when conflicts rise, so the range allows it.</summary>
    public static Indicator PenurunanKonflikSosial { get; } = new(
        "kesbangpol-penurunan-konflik",
        "Persentase penurunan jumlah konflik sosial masyarakat",
        "persen",
        Polarity.Positive,
        AggregationType.NonKumulatif,
        min: -100m);

    /// <summary>Inspektorat Kab. Sampang, LKjIP 2019 Tabel 3.1: target 55 %, realisasi written as "n/a".</summary>
    public static Indicator PenurunanTemuanKeuangan { get; } = new(
        "inspektorat-penurunan-temuan",
        "Persentase penurunan temuan keuangan yang bersifat materiil",
        "%",
        Polarity.Positive,
        AggregationType.NonKumulatif,
        "Meningkatnya Akuntabilitas Keuangan dan Kinerja Pemerintah Daerah");

    private const string SasaranPengawasan =
        "Meningkatnya Pengawasan dan Akuntabilitas Penyelenggaraan Pemerintahan yang baik dan bersih";

    /// <summary>Inspektorat Kab. Nganjuk, Renstra 2014–2018.</summary>
    public static Indicator PkptDilaksanakan { get; } = new(
        "inspektorat-pkpt", "Prosentase PKPT yang dilaksanakan", "persen", Polarity.Positive, AggregationType.Kumulatif, SasaranPengawasan);

    /// <summary>Inspektorat Kab. Nganjuk, Renstra 2014–2018.</summary>
    public static Indicator PengaduanDitangani { get; } = new(
        "inspektorat-pengaduan", "Prosentase kasus pengaduan yang ditangani", "persen", Polarity.Positive, AggregationType.Kumulatif, SasaranPengawasan);

    /// <summary>Inspektorat Kab. Blitar: IACM capability level 1–5.</summary>
    public static Indicator KapabilitasApip { get; } = new(
        "inspektorat-kapabilitas-apip",
        "Tingkat Kapabilitas Aparat Pengawasan Intern Pemerintah (APIP)",
        "Level",
        Polarity.Positive,
        AggregationType.NonKumulatif,
        min: 1m,
        max: 5m);

    /// <summary>Kecamatan Pakisaji, IKI 2019: attendance is averaged over the period.</summary>
    public static Indicator KehadiranPns { get; } = new(
        "kecamatan-kehadiran-pns",
        "Persentase tingkat kehadiran PNS lingkup kecamatan",
        "persen",
        Polarity.Positive,
        AggregationType.RataRata,
        "Meningkatkan produktifitas kinerja aparatur kecamatan");
}
