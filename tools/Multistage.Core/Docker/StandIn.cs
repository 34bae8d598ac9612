namespace Multistage.Core.Docker;

/// <summary>Stand-in base images (built from Debian packages where no registry is reachable) carry
/// this label, whose value says what they were built from; official images do not.</summary>
public static class StandIn
{
    public const string Label = "multistage.stand-in";
}
