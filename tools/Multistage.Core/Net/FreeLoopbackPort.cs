using System.Net;
using System.Net.Sockets;

namespace Multistage.Core.Net;

/// <summary>A TCP port on 127.0.0.1 that nothing listens on right now: ask the kernel for one.</summary>
public static class FreeLoopbackPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether nothing listens on <paramref name="port"/> (on any address: a container on the host
    /// network binds 0.0.0.0).</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
