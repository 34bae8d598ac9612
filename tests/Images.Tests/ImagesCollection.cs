[assembly: AssemblyFixture(typeof(Images.Tests.ImageFixture))]

namespace Images.Tests;

// The image tests run in two streams at once, sharing one fixture (so each variant is built once per run).
// Much of an image test's time is waiting (a health check's interval, a container's start and stop, the
// daemon), so two streams finish sooner than one on two cores; more fight over the cores and make every
// timeout flaky. Each stream runs its tests one at a time.

/// <summary>Stream one: the template variants, their inputs, names and shutdowns. Every port here is a free
/// one the kernel hands out (32768 and up), never a project's fixed port.</summary>
[CollectionDefinition(Name)]
public sealed class VariantsCollection
{
    public const string Name = "Images: variants";
}

/// <summary>Stream two: the commands users run (init --verify, check, pitfalls, compare, a seeded course's
/// compose and workflow). init's projects and the course serve on fixed ports (8080 and up), so they share
/// this one stream and never run at the same time.</summary>
[CollectionDefinition(Name)]
public sealed class CommandsCollection
{
    public const string Name = "Images: commands";
}
