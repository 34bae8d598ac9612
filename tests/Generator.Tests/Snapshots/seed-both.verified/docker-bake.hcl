# Builds every image of the course in parallel with Buildx: docker buildx bake
# One target per language and Dockerfile; `docker buildx bake go` builds just one.

group "default" {
  targets = ["go", "go-single", "python", "python-single"]
}

target "go" {
  context    = "solution/go"
  dockerfile = "Dockerfile"
  tags       = ["course-go:multi"]
}

target "go-single" {
  context    = "solution/go"
  dockerfile = "Dockerfile.single"
  tags       = ["course-go:single"]
}

target "python" {
  context    = "solution/python"
  dockerfile = "Dockerfile"
  tags       = ["course-python:multi"]
}

target "python-single" {
  context    = "solution/python"
  dockerfile = "Dockerfile.single"
  tags       = ["course-python:single"]
}
