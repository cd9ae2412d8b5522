# A package whose submodule concurrent_import.py imports from eight threads.
