"""concurrent: the package of concurrent.futures (no code of its own)."""
