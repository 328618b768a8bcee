"""Load and check: the data files, their schemas, the texts, and every problem with file and line."""
