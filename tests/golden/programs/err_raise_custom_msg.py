raise RuntimeError('custom failure')
