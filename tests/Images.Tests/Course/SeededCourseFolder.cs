using System.Net;
using System.Net.Sockets;
using Multistage.Tests.Shared;

namespace Images.Tests.Course;

/// <summary>A freshly seeded course (every language, solution mode, unless other seed options are given) in
/// a temporary folder, on ports that are free right now, removed on dispose.</summary>
public sealed class SeededCourseFolder : IDisposable
{
    private SeededCourseFolder(string work, int portBase)
    {
        Work = work;
        PortBase = portBase;
    }

    public string Work { get; }
    public string Directory => Path.Combine(Work, "course");
    public int PortBase { get; }

    public static async Task<SeededCourseFolder> SeedAsync(string hint, int languages, params string[] options)
    {
        var work = TempFolder.NewPath(hint);
        var portBase = FreePortRun(languages);
        var seed = await InProcessCli.RunAsync(["seed", "--out", Path.Combine(work, "course"), "--port-base", $"{portBase}", .. options]);
        Assert.True(seed.Succeeded, $"Seeding the course failed:\n{seed.Describe()}");
        return new SeededCourseFolder(work, portBase);
    }

    public void Dispose()
    {
        TempFolder.Remove(Work);
    }

    /// <summary>The first of <paramref name="count"/> consecutive loopback ports nothing listens on
    /// (the course numbers its samples' ports up from --port-base).</summary>
    private static int FreePortRun(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Random.Shared.Next(20000, 30000);
            if (Enumerable.Range(first, count).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"No run of {count} free loopback ports found between 20000 and 30000.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
