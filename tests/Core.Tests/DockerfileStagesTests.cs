using Multistage.Core.Docker;

namespace Core.Tests;

public sealed class DockerfileStagesTests
{
    [Fact]
    public void Platform_flags_stage_names_args_and_stage_references_are_resolved()
    {
        const string dockerfile = """
            ARG GO_VERSION=1.27
            # FROM commented:out
            FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-trixie AS build
            RUN go build \
                -o /app/server .
            FROM alpine:3.23 AS base
            from base as final
            """;
        var stages = DockerfileStages.Parse(dockerfile);

        Assert.Equal(["golang:1.27-trixie", "alpine:3.23", "alpine:3.23"], stages.Select(s => s.Image));
        Assert.Equal(["build", "base", "final"], stages.Select(s => s.Name));
        Assert.Equal("base", stages[2].FromStage);
        Assert.Equal(3, stages[0].Line);
    }

    [Fact]
    public void Arg_fallback_syntax_is_expanded() =>
        Assert.Equal("node:24-trixie", DockerfileStages.Parse("FROM node:${NODE:-24}-trixie\n").Single().Image);
}
