namespace Multistage.Core.Docker;

/// <summary>A container run to its end: its exit status and both output streams (stdout first).</summary>
/// <param name="ExitCode">The app's status; 125-127 are docker's own (no such image, cannot start the command).</param>
public sealed record ExitedContainer(string Name, int ExitCode, string Output);
