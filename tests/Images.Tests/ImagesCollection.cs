[assembly: AssemblyFixture(typeof(Images.Tests.ImageFixture))]

namespace Images.Tests;

// The image tests run in three collections sharing one fixture (so each variant is built once per run).
// Each collection runs its tests one at a time; at most two tests of the whole assembly run at once
// (TestAssembly.cs: xunit's conservative algorithm takes a slot per test, not per collection), so the
// two cores stay busy until the last collection ends instead of one long collection finishing alone.
// Much of an image test's time is waiting (a health check's interval, a container's start and stop, the
// daemon), so two at once finish sooner than one on two cores; more fight over the cores and make every
// timeout flaky. Two tests of different collections never serve on the same port: each collection has
// its own port range, below.

/// <summary>The template variants, their inputs, names and shutdowns, and a seeded course's compose and
/// workflow. Every port here is free when the test takes it: one the kernel hands out (32768 and up), or
/// a run of free ports between 20000 and 30000 for a course (SeededCourseFolder), never a fixed one. The
/// course's tests are here rather than with the other commands so the collections end close together
/// (a cold CI ran variants for 16 min against 21 for commands then init).</summary>
[CollectionDefinition(Name)]
public sealed class VariantsCollection
{
    public const string Name = "Images: variants";
}

/// <summary>`init --verify` on tests/InitProjects: each project serves on the port its own code names
/// (8080-8097, 1024, 3000-7878: all below 10000), so they run one at a time, and nothing else uses those
/// ports.</summary>
[CollectionDefinition(Name)]
public sealed class InitCollection
{
    public const string Name = "Images: init";
}

/// <summary>The course commands users run on a seeded course (check, pitfalls, compare). Their courses are
/// seeded with <see cref="PortBase"/>, clear of init's projects, the kernel's ports and the 20000-30000
/// runs of the variants collection's courses.</summary>
[CollectionDefinition(Name)]
public sealed class CommandsCollection
{
    public const string Name = "Images: commands";

    /// <summary>seed's --port-base for the courses this collection seeds: the samples serve on 18080 and
    /// up, one port per language.</summary>
    public const string PortBase = "18080";
}
