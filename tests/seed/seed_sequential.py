# The seed's sequential baseline (its section "Sequential baseline"), whose
# block is seed_baseline.py (shared by the other programs here, as the seed's
# later sections share it; the sites point at a local stand-in, since these
# machines have no internet). Prints the pages' sizes (durations vary) as
# one line.
import seed_site
from seed_baseline import sequential


try:
    print(seed_site.summary(sequential()))
finally:
    seed_site.stop()
