namespace Images.Tests;

/// <summary>
/// CONTRIBUTING.md's input contract (PORT, HOST, arguments) as test data: each row is one way to
/// start an image, and what must come of it. Change the two together.
/// </summary>
public static class InputContract
{
    public const string UnknownArgumentsHint = "run with no arguments to serve, or with --healthcheck to probe a running server";

    public static IReadOnlyList<InputCase> Cases { get; } =
    [
        // Serving rows. PORT empty runs on the template's default port, so it runs without a network
        // (nothing else on the machine can hold that port there); the others get a free loopback port.
        InputCase.Serving("port-empty", port: "", host: null),
        InputCase.Serving("host-empty", port: null, host: ""),
        InputCase.Serving("host-ipv6-any", port: null, host: "::"),

        InputCase.RefusesArguments("argument-unknown", ["--bogus"]),
        InputCase.RefusesArguments("argument-after-healthcheck", ["--healthcheck", "extra"]),
        // Arguments are checked before PORT: the first problem reported is the first in the order.
        InputCase.RefusesArguments("argument-before-bad-port", ["--bogus"], port: "abc"),

        InputCase.RefusesPort("port-zero", "0"),
        InputCase.RefusesPort("port-65536", "65536"),
        InputCase.RefusesPort("port-70000", "70000"),
        InputCase.RefusesPort("port-above-int32", "2147483648"),
        InputCase.RefusesPort("port-above-uint32", "4294967296"),
        InputCase.RefusesPort("port-above-int64", "99999999999999999999"),
        InputCase.RefusesPort("port-not-a-number", "abc"),
        InputCase.RefusesPort("port-hex", "0x50"),
        InputCase.RefusesPort("port-plus-sign", "+80"),
        InputCase.RefusesPort("port-minus-one", "-1"),
        InputCase.RefusesPort("port-leading-zero", "080"),
        InputCase.RefusesPort("port-leading-space", " 80"),
        // PORT is checked before HOST.
        InputCase.RefusesPort("port-before-bad-host", "abc", host: "localhost"),

        InputCase.RefusesHost("host-name-localhost", "localhost"),
        InputCase.RefusesHost("host-short-ipv4", "127.1"),
        InputCase.RefusesHost("host-ipv6-brackets", "[::1]"),
        InputCase.RefusesHost("host-ipv6-zone", "fe80::1%eth0"),
    ];

    public static InputCase Find(string name) =>
        Cases.FirstOrDefault(row => row.Name == name) ?? throw new InvalidOperationException($"No input contract row '{name}'.");

    public static string PortRefusal(string value, int defaultPort) =>
        $"error: PORT=\"{value}\" is not a valid port: set PORT to a whole number from 1 to 65535 (no sign, no leading zero), or unset it to use {defaultPort}";

    public static string TemplateDefaultRefusal(string defaultPort) =>
        $"error: the template's default port {defaultPort} (dotnet new --port) is not a valid port: set PORT to a whole number from 1 to 65535, or create the project again with --port in that range";

    public static string HostRefusal(string value) =>
        $"error: HOST=\"{value}\" is not an IP address: set HOST to the address to listen on, such as 0.0.0.0 (every interface), :: (every IPv6 interface) or 127.0.0.1 (this machine only), or unset it to use 0.0.0.0";

    public static string ArgumentsRefusal(IReadOnlyList<string> arguments) =>
        $"error: unknown arguments: {string.Join(' ', arguments)}: {UnknownArgumentsHint}";
}

/// <summary>One row of the input contract.</summary>
/// <param name="Port">PORT for docker run: null leaves it to the test (a free port when serving, the
/// image's own ENV PORT when refusing).</param>
/// <param name="Host">HOST for docker run: null leaves it to the test (127.0.0.1 when serving, unset when refusing).</param>
/// <param name="ExitStatus">null: the app must serve and become healthy; else its exit status.</param>
/// <param name="FirstLine">The exact first line of its output, given the template's default port.</param>
public sealed record InputCase(
    string Name,
    string? Port,
    string? Host,
    IReadOnlyList<string> Arguments,
    int? ExitStatus,
    Func<int, string>? FirstLine)
{
    public bool Serves => ExitStatus is null;

    public static InputCase Serving(string name, string? port, string? host) =>
        new(name, port, host, [], null, null);

    public static InputCase RefusesArguments(string name, IReadOnlyList<string> arguments, string? port = null) =>
        new(name, port, null, arguments, 2, _ => InputContract.ArgumentsRefusal(arguments));

    public static InputCase RefusesPort(string name, string port, string? host = null) =>
        new(name, port, host, [], 1, defaultPort => InputContract.PortRefusal(port, defaultPort));

    public static InputCase RefusesHost(string name, string host) =>
        new(name, null, host, [], 1, _ => InputContract.HostRefusal(host));

    /// <summary>What docker run is given, for failure messages.</summary>
    public string Describe() =>
        string.Join(' ', new[] { Port is null ? null : $"PORT=\"{Port}\"", Host is null ? null : $"HOST=\"{Host}\"" }
            .Where(part => part is not null)
            .Concat(Arguments.Count == 0 ? [] : [$"arguments [{string.Join(", ", Arguments)}]"])) is { Length: > 0 } text
            ? text
            : "(image defaults)";
}
