"""Helpers for tests and measurements: the browser, Lighthouse, one page of each kind."""
