def core_fn():
    from .util import helper
    return "core+" + helper()
