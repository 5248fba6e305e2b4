using System.Net.Http.Headers;
using System.Text;

namespace SakipServerless.Api.Tests.Security;

/// <summary>Multipart bodies written byte by byte, so a test controls exactly what a hostile client would send.</summary>
public static class RawMultipart
{
    public const string Boundary = "----sakip-uji-7d3f";

    /// <summary>One file part with the disposition parameters as given; <paramref name="cutAt"/> truncates the whole body.</summary>
    public static ByteArrayContent File(string dispositionParameters, byte[] content, string? contentType = "application/pdf", bool close = true, int? cutAt = null,
        string boundary = Boundary)
    {
        var body = new MemoryStream();
        Write(body, $"--{boundary}\r\nContent-Disposition: form-data; {dispositionParameters}\r\n");
        if (contentType is not null)
        {
            Write(body, $"Content-Type: {contentType}\r\n");
        }

        Write(body, "\r\n");
        body.Write(content);
        Write(body, close ? $"\r\n--{boundary}--\r\n" : "\r\n");
        var bytes = body.ToArray();
        return WithType(cutAt is { } cut ? bytes[..cut] : bytes, boundary);
    }

    /// <summary>Several parts, each given as (disposition parameters, content).</summary>
    public static ByteArrayContent Parts(params (string Disposition, byte[] Content)[] parts)
    {
        var body = new MemoryStream();
        foreach (var (disposition, content) in parts)
        {
            Write(body, $"--{Boundary}\r\nContent-Disposition: form-data; {disposition}\r\n\r\n");
            body.Write(content);
            Write(body, "\r\n");
        }

        Write(body, $"--{Boundary}--\r\n");
        return WithType(body.ToArray(), Boundary);
    }

    private static ByteArrayContent WithType(byte[] bytes, string boundary)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary=\"{boundary}\"");
        return content;
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
