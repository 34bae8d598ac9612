using System.Globalization;
using System.Net;

namespace MultistageWebApp;

/// <summary>Where the server listens, read once from the PORT and HOST environment variables.</summary>
public sealed record ServerSettings(string Host, int Port)
{
    public const int DefaultPort = 8080;
    public const string DefaultHost = "0.0.0.0";

    /// <summary>The URL Kestrel binds to; IPv6 addresses need brackets in a URL.</summary>
    public string ListenUrl => $"http://{UrlHost(Host)}:{Port}";

    /// <summary>
    /// The health endpoint as a client reaches it: a wildcard bind address is not a destination,
    /// so the check goes to the loopback address of the same family.
    /// </summary>
    public Uri HealthUrl => new($"http://{UrlHost(Host switch
    {
        "0.0.0.0" => "127.0.0.1",
        "::" => "::1",
        _ => Host,
    })}:{Port}/healthz");

    /// <summary>
    /// Reads PORT and HOST. Returns null and an error naming the bad value and the fix when either
    /// is unusable: the app must never quietly listen somewhere other than where it was told.
    /// </summary>
    public static ServerSettings? Read(string? port, string? host, out string? error)
    {
        error = null;
        var portNumber = DefaultPort;
        if (!string.IsNullOrEmpty(port))
        {
            // NumberStyles.None: no sign, spaces or thousands separators, so "+80" or " 80" are refused too.
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out portNumber)
                || portNumber is < 1 or > 65535)
            {
                error = $"PORT=\"{port}\" is not a valid port: set PORT to a whole number from 1 to 65535, or unset it to use {DefaultPort}.";
                return null;
            }
        }

        var bindHost = string.IsNullOrEmpty(host) ? DefaultHost : host;
        if (bindHost != "localhost" && !IPAddress.TryParse(bindHost, out _))
        {
            error = $"HOST=\"{host}\" is not a bind address: set HOST to an IP address such as 0.0.0.0 (all interfaces) or 127.0.0.1, or unset it to use {DefaultHost}.";
            return null;
        }

        return new ServerSettings(bindHost, portNumber);
    }

    private static string UrlHost(string host) => host.Contains(':') ? $"[{host}]" : host;
}
