# A stand-in `threading` module for the exit-path test: pyvm, as CPython at
# exit, calls threading._shutdown() when a module named threading was
# imported (found in sys.modules).
import _thread

started = []


def start(fn):
    done = _thread.allocate_lock()
    done.acquire()

    def run():
        fn()
        done.release()

    _thread.start_new_thread(run, ())
    started.append(done)


def _shutdown():
    for done in started:
        done.acquire()
    print("_shutdown joined", len(started), "threads")
