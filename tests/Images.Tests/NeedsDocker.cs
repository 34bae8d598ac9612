namespace Images.Tests;

/// <summary>
/// The base of every test class that drives Docker. xunit creates a test class for each test it runs, so this
/// constructor decides at run time, before the test's first line: run, skip (no daemon, outside CI) or fail
/// (no daemon where the image tests are required). Discovery never waits on Docker.
/// </summary>
public abstract class NeedsDocker
{
    protected NeedsDocker() => DockerAvailability.RequireDaemon();
}
