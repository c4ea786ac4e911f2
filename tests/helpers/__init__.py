"""Helpers shared by the tests (and the benchmarks): servers, terminals, apps."""
