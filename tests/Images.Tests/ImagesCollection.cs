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

/// <summary>The template variants, their inputs, names and shutdowns. Every port here is a free one the
/// kernel hands out (32768 and up), never a project's fixed port.</summary>
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

/// <summary>The course commands users run (check, pitfalls, compare, a seeded course's compose and
/// workflow). Their courses are seeded with <see cref="PortBase"/> (or on free ports between 20000 and
/// 30000), clear of init's projects and the kernel's ports.</summary>
[CollectionDefinition(Name)]
public sealed class CommandsCollection
{
    public const string Name = "Images: commands";

    /// <summary>seed's --port-base for the courses this collection seeds: the samples serve on 18080 and
    /// up, one port per language.</summary>
    public const string PortBase = "18080";
}
