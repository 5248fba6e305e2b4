namespace SakipServerless.Api.Tests.MasterData;

/// <summary>
/// CSV sheets as pemda keep them. Sasaran, indikator, satuan, polaritas and agregasi are real SAKIP indicators of
/// agencies like the seed OPDs (data/indikator-contoh.json: LKjIP Kab. Wonogiri 2020, IKU Bakesbangpol Kota Pasuruan,
/// Dharmasraya, Inspektorat Bantul); the quarterly targets are illustrative except where the source gives one.
/// </summary>
public static class SampleSheets
{
    /// <summary>
    /// Kesbangpol, exported by an Indonesian Excel: ';' separators, decimal commas, CRLF, title rows above the header,
    /// a "No" and a "Keterangan" column the import ignores, and the sasaran cell merged over its indicators.
    /// </summary>
    public static readonly string Kesbangpol = string.Join("\r\n",
        "PERJANJIAN KINERJA TAHUN 2026;;;;;;;;;;;;",
        "BADAN KESATUAN BANGSA DAN POLITIK KABUPATEN JENEPONTO;;;;;;;;;;;;",
        ";;;;;;;;;;;;",
        "No;Kode;Sasaran Strategis;Indikator Kinerja;Satuan;Polaritas;Agregasi;Target Tahunan;TW I;TW II;TW III;TW IV;Keterangan",
        "1;IKU 1;Meningkatnya toleransi antar umat dan intern beragama, etnis, suku dan golongan;Konflik sosial;kejadian;Negatif;Kumulatif;0;0;0;0;0;LKjIP Wonogiri 2020",
        "2;IKU 2;;Persentase Penyelesaian Konflik Sosial;persen;Positif;Non Kumulatif;90;75;80;85;90;",
        "3;IKU 3;Meningkatnya komunikasi antar umat beragama dan aliran kepercayaan;Persentase penurunan jumlah konflik berlatar belakang agama;%;positif;non-kumulatif;12,5;5;7,5;10;12,5;",
        "4;IKU 4;Meningkatnya pengetahuan, pemahaman, dan kesadaran masyarakat tentang pentingnya 4 (Empat) Pilar Kebangsaan (Pancasila, UUD 1945, Bhinneka Tunggal Ika, dan NKRI);Angka kriminalitas;per 1.000 penduduk;negatif;kumulatif;1,2;0,3;0,3;0,3;0,3;",
        "5;IKU 5;;Angka kriminalitas yang tertangani;per 1.000 penduduk;positif;kumulatif;1,1;0,25;0,3;0,25;0,3;",
        "6;IKU 6;Meningkatnya toleransi antar umat dan intern beragama, etnis, suku dan golongan;Persentase penurunan jumlah konflik sosial masyarakat;persen;positif;rata-rata;10;10;10;10;10;",
        ";;;;;;;;;;;;",
        "");

    /// <summary>
    /// Inspektorat Bantul, exported by an English Excel: ',' separators, decimal points, quoted fields holding commas,
    /// an escaped quote and a line break, and min/max columns for a level satuan.
    /// </summary>
    public static readonly string Inspektorat = string.Join("\n",
        "KODE,SASARAN,INDIKATOR,SATUAN,POLARITAS,AGREGASI,BATAS BAWAH,BATAS ATAS,TARGET 2026,TRIWULAN 1,TRIWULAN 2,TRIWULAN 3,TRIWULAN 4",
        "SS1.1,Meningkatnya Akuntabilitas Keuangan dan Kinerja Pemerintah Daerah,Persentase penurunan temuan keuangan yang bersifat materiil,%,positive,non-kumulatif,,,55,40,45,50,55",
        "SS2.1,\"Meningkatnya Pengawasan dan Akuntabilitas Penyelenggaraan Pemerintahan yang baik, bersih dan bebas KKN\",\"Prosentase \"\"PKPT\"\" yang dilaksanakan\",persen,positif,kumulatif,,,100,25,25,25,25",
        "SS3.1,Meningkatnya Kompetensi Sumber Daya Aparatur Fungsional Inspektorat,\"Tingkat Kapabilitas Aparat Pengawasan Intern Pemerintah\n(APIP)\",level,positif,non-kumulatif,1,5,3.5,3,3,3.5,3.5");

    /// <summary>Ten indicators under a plain header (row 1); rows 4 and 9 are wrong, the other eight are fine.</summary>
    public static readonly string TenRowsTwoBad = string.Join("\n",
        "Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi;Target Tahunan;TW I;TW II;TW III;TW IV",
        "K-01;Meningkatnya pembinaan penyelenggaraan pemerintahan desa;Persentase desa yang dapat melaksanakan tata kelola pemerintahan dengan baik;persen;positif;non-kumulatif;80;60;65;70;80",
        "K-02;;Persentase desa yang dapat mengelola APBDes tepat waktu;persen;positif;non-kumulatif;100;25;50;75;100",
        "K-03;Meningkatnya partisipasi organisasi dan lembaga desa/kelurahan dalam pembangunan;Persentase partisipasi organisasi dan lembaga desa yang ikut dalam pembinaan;persen;positif;kumulatif;100;25;125;25;25",
        "K-04;Meningkatnya partisipasi masyarakat dalam perencanaan pembangunan kecamatan;Persentase partisipasi masyarakat dalam perencanaan pembangunan;persen;positif;non-kumulatif;75;70;72;74;75",
        "K-05;Meningkatnya tertib administrasi kependudukan bagi penduduk pendatang;Persentase penduduk pendatang yang melengkapi administrasi kependudukannya;persen;positif;kumulatif;90;20;25;20;25",
        "K-06;Meningkatkan produktifitas kinerja aparatur kecamatan;Persentase tingkat kehadiran PNS lingkup kecamatan;persen;positif;rata-rata;95;95;95;95;95",
        "K-07;;Persentase jumlah dokumen perencanaan dan pelaporan yang tersusun dengan benar;persen;positif;kumulatif;100;25;25;25;25",
        "K-08;;Jumlah dokumen perencanaan yang tersusun;dokumen;naik;kumulatif;4;1;1;1;1",
        "K-09;Meningkatnya pembinaan penyelenggaraan pemerintahan desa;Jumlah desa yang dibina;desa;positif;kumulatif;14;4;4;3;3",
        "K-10;;Jumlah kegiatan pembinaan lembaga desa;kegiatan;positif;kumulatif;12;3;3;3;3");
}
