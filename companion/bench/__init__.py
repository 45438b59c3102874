"""Benchmarks of the whole stack."""
