// Two image builds at once fight over the machine's two cores and make every timeout flaky, so the
// image tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true, MaxParallelThreads = 1)]
