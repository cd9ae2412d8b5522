try:
    {}['x']
except KeyError as e:
    raise TypeError("converted") from e
