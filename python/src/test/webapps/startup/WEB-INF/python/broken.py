"""Fails on import, as an application with a bug at module level does."""

SETTINGS = {'ratio': 1 / 0}
