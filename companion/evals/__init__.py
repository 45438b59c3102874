"""Evaluation and benchmark code: ``companion eval …``, ``companion bench …`` and their fake Bot API.

The product never imports this package; the test suite may.
"""
