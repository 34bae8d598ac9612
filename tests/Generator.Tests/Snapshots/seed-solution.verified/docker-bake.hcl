# Builds every image of the course in parallel with Buildx: docker buildx bake
# One target per language and Dockerfile; `docker buildx bake dotnet` builds just one.

group "default" {
  targets = ["dotnet", "dotnet-single", "go", "go-single", "node", "node-single", "python", "python-single", "rust", "rust-single"]
}

target "dotnet" {
  context    = "dotnet"
  dockerfile = "Dockerfile"
  tags       = ["course-dotnet:multi"]
}

target "dotnet-single" {
  context    = "dotnet"
  dockerfile = "Dockerfile.single"
  tags       = ["course-dotnet:single"]
}

target "go" {
  context    = "go"
  dockerfile = "Dockerfile"
  tags       = ["course-go:multi"]
}

target "go-single" {
  context    = "go"
  dockerfile = "Dockerfile.single"
  tags       = ["course-go:single"]
}

target "node" {
  context    = "node"
  dockerfile = "Dockerfile"
  tags       = ["course-node:multi"]
}

target "node-single" {
  context    = "node"
  dockerfile = "Dockerfile.single"
  tags       = ["course-node:single"]
}

target "python" {
  context    = "python"
  dockerfile = "Dockerfile"
  tags       = ["course-python:multi"]
}

target "python-single" {
  context    = "python"
  dockerfile = "Dockerfile.single"
  tags       = ["course-python:single"]
}

target "rust" {
  context    = "rust"
  dockerfile = "Dockerfile"
  tags       = ["course-rust:multi"]
}

target "rust-single" {
  context    = "rust"
  dockerfile = "Dockerfile.single"
  tags       = ["course-rust:single"]
}
