// Each test runs a server process of its own and measures it; on a small machine they must not compete for cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
