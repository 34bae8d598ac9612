using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SampleApp;

/// <summary>Where the server listens, read once from the PORT and HOST environment variables.</summary>
public sealed record ServerSettings(string Host, int Port)
{
    /// <summary>
    /// Text, not a number: `dotnet new --port` can put any integer here (one above 2^31 would not
    /// compile as an int), and an out-of-range one must be reported at start.
    /// </summary>
    public const string DefaultPort = "8080";
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
    /// Reads PORT and HOST as the input contract in CONTRIBUTING.md says (unset and empty mean the
    /// default). Returns null and an error naming the bad value and the fix when either is
    /// unusable: the app must never quietly listen somewhere other than where it was told.
    /// </summary>
    public static ServerSettings? Read(string? port, string? host, out string? error)
    {
        error = null;
        var portText = port ?? "";
        if (ParsePort(portText) is not { } portNumber)
        {
            // Unset, empty or the image's own ENV PORT: the value came from the template, not the user.
            if (portText.Length > 0 && portText != DefaultPort)
            {
                error = $"error: PORT=\"{portText}\" is not a valid port: set PORT to a whole number from 1 to 65535 (no sign, no leading zero), or unset it to use {DefaultPort}";
                return null;
            }

            if (ParsePort(DefaultPort) is not { } templateDefault)
            {
                error = $"error: the template's default port {DefaultPort} (dotnet new --port) is not a valid port: set PORT to a whole number from 1 to 65535, or create the project again with --port in that range";
                return null;
            }

            portNumber = templateDefault;
        }

        var bindHost = string.IsNullOrEmpty(host) ? DefaultHost : host;
        if (!IsIpAddress(bindHost))
        {
            error = $"error: HOST=\"{host}\" is not an IP address: set HOST to the address to listen on, such as 0.0.0.0 (every interface), :: (every IPv6 interface) or 127.0.0.1 (this machine only), or unset it to use {DefaultHost}";
            return null;
        }

        return new ServerSettings(bindHost, portNumber);
    }

    /// <summary>ASCII digits with no sign, spaces or leading zero, 1-65535.</summary>
    private static int? ParsePort(string text) =>
        text.Length is >= 1 and <= 5 && text[0] != '0' && text.All(char.IsAsciiDigit)
        && int.Parse(text, CultureInfo.InvariantCulture) is var number and <= 65535
            ? number
            : null;

    /// <summary>
    /// An IP address written out in full: IPAddress.TryParse alone also takes "127.1", "1",
    /// "[::1]:80" and zone suffixes, which the other apps refuse.
    /// </summary>
    private static bool IsIpAddress(string text) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily switch
        {
            AddressFamily.InterNetwork => address.ToString() == text,
            AddressFamily.InterNetworkV6 => !text.Contains('[') && !text.Contains('%'),
            _ => false,
        };

    private static string UrlHost(string host) => host.Contains(':') ? $"[{host}]" : host;
}
