namespace Images.Tests;

/// <summary>
/// A theory that is skipped, with one line saying how to start a daemon, when no Docker daemon answers
/// (unless MULTISTAGE_REQUIRE_DOCKER=1). xunit v2 reads Skip after construction, so setting it here
/// decides before any variant is enumerated or built.
/// </summary>
public sealed class ImagesTheoryAttribute : TheoryAttribute
{
    public ImagesTheoryAttribute()
    {
        Skip = DockerAvailability.SkipReason;
    }
}

/// <summary>The fact form of <see cref="ImagesTheoryAttribute"/>: skipped without a daemon unless
/// MULTISTAGE_REQUIRE_DOCKER=1, which makes it fail instead.</summary>
public sealed class ImagesFactAttribute : FactAttribute
{
    public ImagesFactAttribute()
    {
        Skip = DockerAvailability.SkipReason;
    }
}
