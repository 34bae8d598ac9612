namespace Multistage.Cli;

/// <summary>What the generator's exit status means, so scripts (and the tests) can tell bad input from a
/// failed build without reading the text.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The work itself failed: a template did not instantiate, a build or a container failed.</summary>
    public const int Failure = 1;

    /// <summary>The command line or the input folders were wrong; nothing was written.</summary>
    public const int BadInput = 2;

    /// <summary>compare found no Docker daemon to talk to.</summary>
    public const int NoDaemon = 3;

    /// <summary>init wrote the files (or, with --dry-run, would), but knows the image will not work as it is:
    /// a warning names the change to make, or --verify found a check that failed.</summary>
    public const int Incomplete = 4;

    /// <summary>128 + SIGINT, what a shell reports for a command stopped with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
