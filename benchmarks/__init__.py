"""Benchmarks: ``make bench`` (``python -m benchmarks``). Ratios against baselines
run side by side in the same process, because this machine is shared and noisy."""
