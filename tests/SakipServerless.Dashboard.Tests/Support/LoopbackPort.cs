using System.Net;
using System.Net.Sockets;

namespace SakipServerless.Dashboard.Tests.Support;

/// <summary>A free TCP port on 127.0.0.1, so parallel runs on a shared machine never collide on a fixed port.</summary>
public static class LoopbackPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
