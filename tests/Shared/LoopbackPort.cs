using System.Net;
using System.Net.Sockets;

namespace Telnyx.Generated.TestSupport;

/// <summary>A 127.0.0.1 port that was free a moment ago: for a server a test starts there, or for a connection it expects refused.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
