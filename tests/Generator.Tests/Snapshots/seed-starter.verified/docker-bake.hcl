# Builds every image of the course in parallel with Buildx: docker buildx bake
# One target per language and Dockerfile; `docker buildx bake go-single` builds just one.

group "default" {
  targets = ["go-single", "python-single"]
}

target "go-single" {
  context    = "go"
  dockerfile = "Dockerfile.single"
  tags       = ["course-go:single"]
}

target "python-single" {
  context    = "python"
  dockerfile = "Dockerfile.single"
  tags       = ["course-python:single"]
}
