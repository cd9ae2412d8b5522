from ..util import helper
NAME = __name__ + ":" + helper()
