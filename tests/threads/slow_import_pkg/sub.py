# Imported as slow_import_pkg.sub by concurrent_import.py from eight threads at once.
import sys
import time

sys.import_sub_runs = getattr(sys, "import_sub_runs", 0) + 1
time.sleep(0.3)
DONE = True
