# Imported by concurrent_import.py from eight threads at once.
import sys
import time

sys.import_body_runs = getattr(sys, "import_body_runs", 0) + 1
time.sleep(0.3)
DONE = True
