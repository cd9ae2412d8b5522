// io.cpp — loopback I/O and processes: the `_socket` module (TCP over
// IPv4, and AF_UNIX socket pairs), `select.select`, `posix` (what the `os`
// module of interp/lib re-exports: pipes, fork, waitpid, kill, ...),
// `signal` (the signal numbers) and select.epoll (selectors' default).
//
// Follows CPython 3.11's Modules/socketmodule.c in what programs see:
//  - A socket's timeout is None (blocking), 0.0 (non-blocking: an operation
//    that would wait raises BlockingIOError) or > 0 (TimeoutError("timed
//    out") once it has passed). New sockets take socket.getdefaulttimeout().
//  - Errors are the OSError subclasses CPython maps errno to ("[Errno 111]
//    Connection refused" is a ConnectionRefusedError); a host name that does
//    not resolve raises socket.gaierror.
// How:
//  - The descriptor is always O_NONBLOCK, whatever the Python-level mode, as
//    CPython does for sockets with a timeout: a call is tried, and when it
//    would block the thread waits in poll(2) — inside the back-end's blocking
//    region, so the gil back-end lets other threads run and fine suspends
//    the thread's critical sections — then tries again.
//  - The main thread waits in slices of signal_poll_ms so that Ctrl-C raises
//    KeyboardInterrupt from a blocked recv/accept (CPython's calls return
//    EINTR to it); other threads wait in one go.
// Invariants:
//  - socket_object::fd is -1 once closed; it is an atomic so that close()
//    in one thread and a call in another is not a data race (the late call
//    fails with EBADF, as in CPython).
//  - A socket owns its descriptor: the deallocator closes it.
#include "threads.hpp"
#include "dict.hpp"
#include "eval.hpp"
#include "operations.hpp"
#include "runtime.hpp"
#include "transaction.hpp"

#include <gillab/interp/backend.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/un.h>
#include <unistd.h>
#include <utility>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <chrono>
#include <cmath>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

GILLAB_RUNTIME_NAMESPACE_BEGIN

value sys_module_value();  // builtins.cpp

namespace {

bool arg_count(const char* fname, std::size_t nargs, std::size_t lo, std::size_t hi) {
  if (nargs >= lo && nargs <= hi) return true;
  if (lo == hi) {
    raise_type_error(std::string(fname) + "() takes exactly " + std::to_string(lo) + " argument" + (lo == 1 ? "" : "s") +
                     " (" + std::to_string(nargs) + " given)");
  } else if (nargs > hi) {
    raise_type_error(std::string(fname) + "() takes at most " + std::to_string(hi) + " argument" + (hi == 1 ? "" : "s") +
                     " (" + std::to_string(nargs) + " given)");
  } else {
    raise_type_error(std::string(fname) + "() takes at least " + std::to_string(lo) + " argument" +
                     (lo == 1 ? "" : "s") + " (" + std::to_string(nargs) + " given)");
  }
  return false;
}

bool int_arg(value v, std::int64_t* out) {
  if (as_int64(v, out)) return true;
  if (!error_pending()) raise_type_error(std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
  return false;
}

/// A bytes argument (sockets and os.write take bytes; there is no bytearray
/// or memoryview in gillab's subset).
const std::string* bytes_arg(value v) {
  if (type_of(v) == &bytes_type) return &static_cast<bytes_object*>(v.obj())->bytes;
  raise_type_error(std::string("a bytes-like object is required, not '") + type_name(v) + "'");
  return nullptr;
}

/// seconds: None -> -1 (forever), else a non-negative number.
bool timeout_arg(value v, double* out) {
  if (v == none()) {
    *out = -1;
    return true;
  }
  std::int64_t i = 0;
  if (type_of(v) == &float_type) {
    *out = static_cast<float_object*>(v.obj())->v;
  } else if (as_int64(v, &i)) {
    *out = static_cast<double>(i);
  } else {
    raise_type_error("Timeout value must be int, float or None");
    return false;
  }
  if (std::isnan(*out)) {
    raise(&exc_ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  if (*out < 0) {
    raise(&exc_ValueError, "Timeout value out of range");
    return false;
  }
  return true;
}

using clock = std::chrono::steady_clock;

/// Runs `wait(slice_ms)` — poll(2), epoll_wait(2): > 0 ready, 0 nothing
/// yet, -1 with errno — in the back-end's blocking region until it reports
/// readiness or the deadline passes (the main thread waits in slices of
/// signal_poll_ms, so that Ctrl-C interrupts it). Once the deadline has
/// passed, wait runs once more with a zero timeout. Returns wait's count,
/// 0 when the deadline passed, -1 with an exception raised
/// (KeyboardInterrupt, or the call's error).
template <class Wait>
int wait_ready(bool has_deadline, clock::time_point deadline, Wait wait) {
  for (;;) {
    int slice_ms = -1;
    if (has_deadline) {
      const auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - clock::now()).count();
      slice_ms = left <= 0 ? 0 : static_cast<int>(std::min<long long>((left + 999) / 1000, 1 << 30));
    }
    if (is_main_thread_for_signals() && slice_ms != 0) {
      slice_ms = slice_ms < 0 ? signal_poll_ms : std::min(slice_ms, signal_poll_ms);
    }
    int r = 0;
    int err = 0;
    {
      gillab::interp::blocking_region<backend> region(current_thread().backend_state);
      r = wait(slice_ms);
      err = errno;
    }
    if (signals_pending() && handle_signals()) return -1;
    if (r > 0) return r;
    if (r < 0 && err != EINTR) {
      raise_os_error(err);
      return -1;
    }
    if (has_deadline && clock::now() >= deadline) return 0;
  }
}

/// `timeout` seconds from now; `timeout` < 0 (no deadline) gives now, unused.
clock::time_point deadline_after(double timeout) {
  return clock::now() + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(std::max(timeout, 0.0)));
}

/// Waits until `fd` is ready for `events` (POLLIN/POLLOUT): 1 ready, 0 the
/// deadline passed, -1 with an exception raised.
int wait_for_fd(int fd, short events, bool has_deadline, clock::time_point deadline) {
  pollfd p{fd, events, 0};
  return wait_ready(has_deadline, deadline, [&](int slice_ms) { return ::poll(&p, 1, slice_ms); });
}

// ---- socket objects ----

type_object socket_type;
type_object gaierror_type;

struct socket_object : object {
  std::atomic<int> fd{-1};
  int family = AF_INET;
  int kind = SOCK_STREAM;
  int proto = 0;
  std::atomic<double> timeout{-1};  // -1: None (blocking)
};

// socket.setdefaulttimeout(): read at creation; atomic, since fine runs
// threads in parallel.
std::atomic<double> default_timeout{-1};

socket_object* as_socket(value v) { return static_cast<socket_object*>(v.obj()); }

void socket_dealloc(object* o) {
  auto* s = static_cast<socket_object*>(o);
  const int fd = s->fd.exchange(-1);
  if (fd >= 0) ::close(fd);
  s->~socket_object();
  free_object_memory(o);
}

bool set_nonblocking(int fd) {
  const int flags = ::fcntl(fd, F_GETFL);
  return flags >= 0 && ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0;
}

value wrap_fd(int fd, int family, int kind, int proto) {
  auto* s = make<socket_object>(&socket_type);
  s->fd.store(fd);
  s->family = family;
  s->kind = kind;
  s->proto = proto;
  s->timeout.store(default_timeout.load());
  return value::from(s);
}

/// The descriptor of an open socket; -1 with OSError(EBADF) raised.
int open_fd(value self) {
  const int fd = as_socket(self)->fd.load();
  if (fd < 0) raise_os_error(EBADF);
  return fd;
}

/// Runs `attempt` (a non-blocking system call: >= 0 done, -1 with errno)
/// until it succeeds, waiting for `events` between tries within the
/// socket's timeout. Returns its result, or -1 with an exception raised.
template <class Attempt>
long long socket_call(value self, short events, Attempt attempt) {
  socket_object* s = as_socket(self);
  const double timeout = s->timeout.load();
  const bool has_deadline = timeout >= 0;
  const clock::time_point deadline = deadline_after(timeout);
  for (;;) {
    const int fd = open_fd(self);
    if (fd < 0) return -1;
    const long long r = attempt(fd);
    if (r >= 0) return r;
    const int err = errno;
    if (err == EINTR) {
      if (signals_pending() && handle_signals()) return -1;
      continue;
    }
    if (err != EAGAIN && err != EWOULDBLOCK) {
      raise_os_error(err);
      return -1;
    }
    if (timeout == 0) {
      raise_os_error(err);  // BlockingIOError, as a non-blocking socket's call
      return -1;
    }
    const int ready = wait_for_fd(fd, events, has_deadline, deadline);
    if (ready < 0) return -1;
    if (ready == 0) {
      raise(&exc_TimeoutError, "timed out");
      return -1;
    }
  }
}

/// (host, port) -> sockaddr_in. "" is INADDR_ANY, "<broadcast>" is
/// INADDR_BROADCAST, as CPython's setipaddr; other names resolve through
/// getaddrinfo (in the blocking region: it may ask a DNS server).
bool inet_address(value addr, sockaddr_in* out, const char* fname) {
  if (type_of(addr) != &tuple_type || as_tuple(addr)->size != 2) {
    raise_type_error(std::string(fname) + "(): AF_INET address must be tuple, not " + type_name(addr));
    return false;
  }
  value host = as_tuple(addr)->items[0];
  value port = as_tuple(addr)->items[1];
  if (type_of(host) != &str_type) {
    raise_type_error(std::string("str, bytes or bytearray expected, not ") + type_name(host));
    return false;
  }
  std::int64_t p = 0;
  if (!as_int64(port, &p)) {
    if (!error_pending()) raise_type_error(std::string("'") + type_name(port) + "' object cannot be interpreted as an integer");
    return false;
  }
  if (p < 0 || p > 65535) {
    raise(&exc_OverflowError, std::string(fname) + "(): port must be 0-65535.");
    return false;
  }
  std::memset(out, 0, sizeof *out);
  out->sin_family = AF_INET;
  out->sin_port = htons(static_cast<std::uint16_t>(p));
  const std::string h = str_of(host);
  if (h.empty()) {
    out->sin_addr.s_addr = htonl(INADDR_ANY);
    return true;
  }
  if (h == "<broadcast>") {
    out->sin_addr.s_addr = htonl(INADDR_BROADCAST);
    return true;
  }
  if (::inet_pton(AF_INET, h.c_str(), &out->sin_addr) == 1) return true;
  addrinfo hints{};
  hints.ai_family = AF_INET;
  addrinfo* res = nullptr;
  int rc = 0;
  {
    gillab::interp::blocking_region<backend> region(current_thread().backend_state);
    rc = ::getaddrinfo(h.c_str(), nullptr, &hints, &res);
  }
  if (rc != 0) {
    ref code(make_int(rc));
    ref message(make_str(::gai_strerror(rc)));
    ref args(make_tuple({code.get(), message.get()}));
    ref exc(make_exception(&gaierror_type, args.get()));
    raise_value(exc.get());
    return false;
  }
  out->sin_addr = reinterpret_cast<sockaddr_in*>(res->ai_addr)->sin_addr;
  ::freeaddrinfo(res);
  return true;
}

value address_value(const sockaddr_storage& a, socklen_t len, int family) {
  if (family == AF_UNIX) {
    const auto& u = reinterpret_cast<const sockaddr_un&>(a);
    const std::size_t n = len > offsetof(sockaddr_un, sun_path) ? std::strlen(u.sun_path) : 0;
    return make_str(std::string_view(u.sun_path, n));
  }
  const auto& in = reinterpret_cast<const sockaddr_in&>(a);
  char buf[INET_ADDRSTRLEN] = {};
  ::inet_ntop(AF_INET, &in.sin_addr, buf, sizeof buf);
  ref host(make_str(buf));
  ref port(make_int(ntohs(in.sin_port)));
  return make_tuple({host.get(), port.get()});
}

value construct_socket(const value* args, std::size_t nargs, value kwnames) {
  // socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)
  std::int64_t family = AF_INET, kind = SOCK_STREAM, proto = 0;
  value given[3] = {};
  const std::size_t nkw = kwnames ? as_tuple(kwnames)->size : 0;
  const std::size_t npos = nargs - nkw;
  if (npos > 3) return raise_type_error("socket() takes at most 4 arguments (" + std::to_string(npos) + " given)");
  for (std::size_t i = 0; i < npos; ++i) given[i] = args[i];
  static const char* const names[] = {"family", "type", "proto"};
  for (std::size_t k = 0; k < nkw; ++k) {
    const std::string n = str_of(as_tuple(kwnames)->items[k]);
    std::size_t j = 0;
    while (j < 3 && n != names[j]) ++j;
    if (j == 3) return raise_type_error("socket() got an unexpected keyword argument '" + n + "'");
    given[j] = args[npos + k];
  }
  if (given[0] && given[0] != none() && !int_arg(given[0], &family)) return value();
  if (given[1] && given[1] != none() && !int_arg(given[1], &kind)) return value();
  if (given[2] && given[2] != none() && !int_arg(given[2], &proto)) return value();
  if (family != AF_INET) {
    return raise(&exc_OSError, "gillab's socket supports AF_INET only (family " + std::to_string(family) +
                                   "); AF_UNIX sockets come from socket.socketpair()");
  }
  if (kind != SOCK_STREAM) {
    return raise(&exc_OSError, "gillab's socket supports SOCK_STREAM (TCP) only (type " + std::to_string(kind) + ")");
  }
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, static_cast<int>(proto));
  if (fd < 0) return raise_os_error(errno);
  if (!set_nonblocking(fd)) {
    const int err = errno;
    ::close(fd);
    return raise_os_error(err);
  }
  return wrap_fd(fd, AF_INET, SOCK_STREAM, static_cast<int>(proto));
}

value socket_repr(value self) {
  socket_object* s = as_socket(self);
  const int fd = s->fd.load();
  std::string r = std::string("<socket.socket ") + (fd < 0 ? "[closed] " : "") + "fd=" + std::to_string(fd) +
                  ", family=" + std::to_string(s->family) + ", type=" + std::to_string(s->kind) +
                  ", proto=" + std::to_string(s->proto);
  if (fd >= 0) {
    for (const bool peer : {false, true}) {
      sockaddr_storage a{};
      socklen_t len = sizeof a;
      const int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&a), &len)
                          : ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
      if (rc != 0) continue;
      ref addr(address_value(a, len, s->family));
      ref text(op_repr(addr.get()));
      if (!text) return value();
      r += std::string(peer ? ", raddr=" : ", laddr=") + str_of(text.get());
    }
  }
  return make_str(r + ">");
}

value socket_getattr(value self, value name) {
  socket_object* s = as_socket(self);
  const std::string n = str_of(name);
  if (n == "family") return make_int(s->family);
  if (n == "type") return make_int(s->kind);
  if (n == "proto") return make_int(s->proto);
  if (n == "timeout") {
    const double t = s->timeout.load();
    return t < 0 ? none() : make_float(t);
  }
  return value();  // the generic lookup: methods
}

value socket_fileno(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("fileno", kwnames) || !arg_count("fileno", nargs, 0, 0)) return value();
  return make_int(as_socket(self)->fd.load());
}

value socket_close(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("close", kwnames) || !arg_count("close", nargs, 0, 0)) return value();
  const int fd = as_socket(self)->fd.exchange(-1);
  // ECONNRESET on close is not an error worth raising (CPython ignores it).
  if (fd >= 0 && ::close(fd) != 0 && errno != ECONNRESET && errno != EINTR) return raise_os_error(errno);
  return none();
}

value socket_detach(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("detach", kwnames) || !arg_count("detach", nargs, 0, 0)) return value();
  return make_int(as_socket(self)->fd.exchange(-1));
}

value socket_enter(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("__enter__", kwnames) || !arg_count("__enter__", nargs, 0, 0)) return value();
  return newref(self);
}

value socket_exit(value self, const value*, std::size_t, value) {
  ref r(socket_close(self, nullptr, 0, value()));
  if (!r) return value();
  return boolean(false);
}

value socket_settimeout(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("settimeout", kwnames) || !arg_count("settimeout", nargs, 1, 1)) return value();
  double t = 0;
  if (!timeout_arg(args[0], &t)) return value();
  as_socket(self)->timeout.store(t);
  return none();
}

value socket_gettimeout(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("gettimeout", kwnames) || !arg_count("gettimeout", nargs, 0, 0)) return value();
  const double t = as_socket(self)->timeout.load();
  return t < 0 ? none() : make_float(t);
}

value socket_setblocking(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("setblocking", kwnames) || !arg_count("setblocking", nargs, 1, 1)) return value();
  const int flag = op_truth(args[0]);
  if (flag < 0) return value();
  as_socket(self)->timeout.store(flag ? -1.0 : 0.0);
  return none();
}

value socket_getblocking(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("getblocking", kwnames) || !arg_count("getblocking", nargs, 0, 0)) return value();
  return boolean(as_socket(self)->timeout.load() != 0);
}

value socket_bind(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("bind", kwnames) || !arg_count("bind", nargs, 1, 1)) return value();
  sockaddr_in a{};
  if (!inet_address(args[0], &a, "bind")) return value();
  const int fd = open_fd(self);
  if (fd < 0) return value();
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return raise_os_error(errno);
  return none();
}

value socket_listen(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("listen", kwnames) || !arg_count("listen", nargs, 0, 1)) return value();
  std::int64_t backlog = std::min(SOMAXCONN, 128);  // CPython's default
  if (nargs && !int_arg(args[0], &backlog)) return value();
  const int fd = open_fd(self);
  if (fd < 0) return value();
  if (::listen(fd, static_cast<int>(std::max<std::int64_t>(0, backlog))) != 0) return raise_os_error(errno);
  return none();
}

/// connect's wait: a non-blocking connect returns EINPROGRESS; the result
/// is SO_ERROR once the descriptor is writable. Returns errno (0: connected)
/// or -1 with an exception raised (timeout, Ctrl-C).
int connect_errno(value self, value address, const char* fname) {
  sockaddr_in a{};
  if (!inet_address(address, &a, fname)) return -1;
  const int fd = open_fd(self);
  if (fd < 0) return -1;
  const double timeout = as_socket(self)->timeout.load();
  if (timeout < 0) {
    // A blocking socket connects with a blocking connect(2), as CPython's
    // does: after a non-blocking attempt has failed, Linux answers the next
    // connect on the socket with ECONNABORTED instead of the real error.
    // (Not interruptible by Ctrl-C; a loopback connect does not wait.)
    const int flags = ::fcntl(fd, F_GETFL);
    int rc = 0, err = 0;
    {
      gillab::interp::blocking_region<backend> region(current_thread().backend_state);
      ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
      do {
        rc = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
      } while (rc != 0 && errno == EINTR);
      err = rc == 0 ? 0 : errno;
      ::fcntl(fd, F_SETFL, flags);
    }
    return err;
  }
  int rc = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  while (rc != 0 && errno == EINTR) rc = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  if (rc == 0) return 0;
  if (errno != EINPROGRESS) return errno;
  if (timeout == 0) return EINPROGRESS;
  const int ready = wait_for_fd(fd, POLLOUT, true, deadline_after(timeout));
  if (ready < 0) return -1;
  if (ready == 0) {
    raise(&exc_TimeoutError, "timed out");
    return -1;
  }
  int err = 0;
  socklen_t len = sizeof err;
  if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) return errno;
  return err;
}

value socket_connect(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("connect", kwnames) || !arg_count("connect", nargs, 1, 1)) return value();
  const int err = connect_errno(self, args[0], "connect");
  if (err < 0) return value();
  if (err != 0) return raise_os_error(err);
  return none();
}

value socket_connect_ex(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("connect_ex", kwnames) || !arg_count("connect_ex", nargs, 1, 1)) return value();
  const int err = connect_errno(self, args[0], "connect_ex");
  if (err < 0) return value();
  return make_int(err);
}

value socket_accept(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("accept", kwnames) || !arg_count("accept", nargs, 0, 0)) return value();
  sockaddr_storage a{};
  socklen_t len = 0;
  const long long fd = socket_call(self, POLLIN, [&](int listener) {
    len = sizeof a;
    return static_cast<long long>(::accept4(listener, reinterpret_cast<sockaddr*>(&a), &len, SOCK_CLOEXEC | SOCK_NONBLOCK));
  });
  if (fd < 0) return value();
  socket_object* s = as_socket(self);
  ref conn(wrap_fd(static_cast<int>(fd), s->family, s->kind, s->proto));
  ref addr(address_value(a, len, s->family));
  return make_tuple({conn.get(), addr.get()});
}

value socket_recv(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("recv", kwnames) || !arg_count("recv", nargs, 1, 2)) return value();
  std::int64_t size = 0, flags = 0;
  if (!int_arg(args[0], &size) || (nargs > 1 && !int_arg(args[1], &flags))) return value();
  if (size < 0) return raise(&exc_ValueError, "negative buffersize in recv");
  std::string buf(static_cast<std::size_t>(size), '\0');
  const long long n = socket_call(self, POLLIN, [&](int fd) {
    return static_cast<long long>(::recv(fd, buf.data(), buf.size(), static_cast<int>(flags)));
  });
  if (n < 0) return value();
  buf.resize(static_cast<std::size_t>(n));
  return make_bytes(buf);
}

value socket_send(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("send", kwnames) || !arg_count("send", nargs, 1, 2)) return value();
  const std::string* data = bytes_arg(args[0]);
  std::int64_t flags = 0;
  if (!data || (nargs > 1 && !int_arg(args[1], &flags))) return value();
  const long long n = socket_call(self, POLLOUT, [&](int fd) {
    return static_cast<long long>(::send(fd, data->data(), data->size(), static_cast<int>(flags) | MSG_NOSIGNAL));
  });
  return n < 0 ? value() : make_int(n);
}

value socket_sendall(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("sendall", kwnames) || !arg_count("sendall", nargs, 1, 2)) return value();
  const std::string* data = bytes_arg(args[0]);
  std::int64_t flags = 0;
  if (!data || (nargs > 1 && !int_arg(args[1], &flags))) return value();
  // Keeps the bytes alive even if the caller's name is rebound meanwhile.
  ref keep(newref(args[0]));
  std::size_t sent = 0;
  while (sent < data->size()) {
    const long long n = socket_call(self, POLLOUT, [&](int fd) {
      return static_cast<long long>(
          ::send(fd, data->data() + sent, data->size() - sent, static_cast<int>(flags) | MSG_NOSIGNAL));
    });
    if (n < 0) return value();
    sent += static_cast<std::size_t>(n);
  }
  return none();
}

value socket_shutdown(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("shutdown", kwnames) || !arg_count("shutdown", nargs, 1, 1)) return value();
  std::int64_t how = 0;
  if (!int_arg(args[0], &how)) return value();
  const int fd = open_fd(self);
  if (fd < 0) return value();
  if (::shutdown(fd, static_cast<int>(how)) != 0) return raise_os_error(errno);
  return none();
}

value socket_name(value self, bool peer, const char* fname, std::size_t nargs, value kwnames) {
  if (!no_keywords(fname, kwnames) || !arg_count(fname, nargs, 0, 0)) return value();
  const int fd = open_fd(self);
  if (fd < 0) return value();
  sockaddr_storage a{};
  socklen_t len = sizeof a;
  const int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&a), &len)
                      : ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  if (rc != 0) return raise_os_error(errno);
  return address_value(a, len, as_socket(self)->family);
}

value socket_getsockname(value self, const value*, std::size_t nargs, value kwnames) {
  return socket_name(self, false, "getsockname", nargs, kwnames);
}

value socket_getpeername(value self, const value*, std::size_t nargs, value kwnames) {
  return socket_name(self, true, "getpeername", nargs, kwnames);
}

value socket_setsockopt(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("setsockopt", kwnames) || !arg_count("setsockopt", nargs, 3, 3)) return value();
  std::int64_t level = 0, option = 0, v = 0;
  if (!int_arg(args[0], &level) || !int_arg(args[1], &option)) return value();
  if (!as_int64(args[2], &v)) {
    if (!error_pending()) {
      return raise_type_error("gillab's setsockopt takes an int value, not '" + std::string(type_name(args[2])) + "'");
    }
    return value();
  }
  const int fd = open_fd(self);
  if (fd < 0) return value();
  const int iv = static_cast<int>(v);
  if (::setsockopt(fd, static_cast<int>(level), static_cast<int>(option), &iv, sizeof iv) != 0) {
    return raise_os_error(errno);
  }
  return none();
}

value socket_getsockopt(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("getsockopt", kwnames) || !arg_count("getsockopt", nargs, 2, 2)) return value();
  std::int64_t level = 0, option = 0;
  if (!int_arg(args[0], &level) || !int_arg(args[1], &option)) return value();
  const int fd = open_fd(self);
  if (fd < 0) return value();
  int iv = 0;
  socklen_t len = sizeof iv;
  if (::getsockopt(fd, static_cast<int>(level), static_cast<int>(option), &iv, &len) != 0) return raise_os_error(errno);
  return make_int(iv);
}

// ---- module functions ----

value socket_getdefaulttimeout(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("getdefaulttimeout", kwnames) || !arg_count("getdefaulttimeout", nargs, 0, 0)) return value();
  const double t = default_timeout.load();
  return t < 0 ? none() : make_float(t);
}

value socket_setdefaulttimeout(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("setdefaulttimeout", kwnames) || !arg_count("setdefaulttimeout", nargs, 1, 1)) return value();
  double t = 0;
  if (!timeout_arg(args[0], &t)) return value();
  default_timeout.store(t);
  return none();
}

value socket_socketpair(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("socketpair", kwnames) || !arg_count("socketpair", nargs, 0, 0)) return value();
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds) != 0) return raise_os_error(errno);
  ref a(wrap_fd(fds[0], AF_UNIX, SOCK_STREAM, 0));
  ref b(wrap_fd(fds[1], AF_UNIX, SOCK_STREAM, 0));
  return make_tuple({a.get(), b.get()});
}

value socket_gethostname(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("gethostname", kwnames) || !arg_count("gethostname", nargs, 0, 0)) return value();
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) return raise_os_error(errno);
  return make_str(buf);
}

value socket_gethostbyname(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("gethostbyname", kwnames) || !arg_count("gethostbyname", nargs, 1, 1)) return value();
  ref pair(make_tuple({args[0], value::small(0)}));
  sockaddr_in a{};
  if (!inet_address(pair.get(), &a, "gethostbyname")) return value();
  char buf[INET_ADDRSTRLEN] = {};
  ::inet_ntop(AF_INET, &a.sin_addr, buf, sizeof buf);
  return make_str(buf);
}

void init_socket_types() {
  init_type(socket_type, "socket", nullptr);
  socket_type.module = "socket";
  socket_type.qualname = "socket";
  socket_type.dealloc = socket_dealloc;
  socket_type.repr = socket_repr;
  socket_type.getattr = socket_getattr;
  socket_type.construct = construct_socket;
  add_method(socket_type, "fileno", socket_fileno);
  add_method(socket_type, "close", socket_close);
  add_method(socket_type, "detach", socket_detach);
  add_method(socket_type, "__enter__", socket_enter);
  add_method(socket_type, "__exit__", socket_exit);
  add_method(socket_type, "settimeout", socket_settimeout);
  add_method(socket_type, "gettimeout", socket_gettimeout);
  add_method(socket_type, "setblocking", socket_setblocking);
  add_method(socket_type, "getblocking", socket_getblocking);
  add_method(socket_type, "bind", socket_bind);
  add_method(socket_type, "listen", socket_listen);
  add_method(socket_type, "connect", socket_connect);
  add_method(socket_type, "connect_ex", socket_connect_ex);
  add_method(socket_type, "accept", socket_accept);
  add_method(socket_type, "recv", socket_recv);
  add_method(socket_type, "send", socket_send);
  add_method(socket_type, "sendall", socket_sendall);
  add_method(socket_type, "shutdown", socket_shutdown);
  add_method(socket_type, "getsockname", socket_getsockname);
  add_method(socket_type, "getpeername", socket_getpeername);
  add_method(socket_type, "setsockopt", socket_setsockopt);
  add_method(socket_type, "getsockopt", socket_getsockopt);
  mark_methods_irrevocable(socket_type);
  init_exception_type(gaierror_type, "gaierror", &exc_OSError);
  gaierror_type.module = "socket";
}

void set_in(value mod, const char* name, value v) {  // adopts v
  dict_set(value::from(static_cast<module_object*>(mod.obj())->dict), intern(name), v);
  decref(v);
}

// ---- select ----

/// The descriptor of an int or of an object with fileno().
bool fd_of(value v, int* out) {
  std::int64_t i = 0;
  if (!as_int64(v, &i)) {
    if (error_pending()) return false;
    ref m(op_getattr(v, intern("fileno")));
    if (!m) {
      clear_pending();
      raise_type_error("argument must be an int, or have a fileno() method.");
      return false;
    }
    ref r(op_call(m.get(), nullptr, 0));
    if (!r) return false;
    if (!as_int64(r.get(), &i)) {
      if (!error_pending()) raise_type_error("fileno() returned a non-integer");
      return false;
    }
  }
  if (i < 0) {
    raise(&exc_ValueError, "file descriptor cannot be a negative integer (" + std::to_string(i) + ")");
    return false;
  }
  *out = static_cast<int>(i);
  return true;
}

value select_select(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("select", kwnames) || !arg_count("select", nargs, 3, 4)) return value();
  double timeout = -1;
  if (nargs == 4 && !timeout_arg(args[3], &timeout)) return value();
  std::vector<value> lists[3];
  std::vector<pollfd> fds;
  std::vector<std::pair<int, std::size_t>> owner;  // (which list, index) of each pollfd
  static const short events[3] = {POLLIN, POLLOUT, POLLPRI};
  for (int l = 0; l < 3; ++l) {
    ref it(op_iter(args[l]));
    if (!it) return value();
    for (;;) {
      value x = op_next(it.get());
      if (!x) {
        if (error_pending()) {
          for (auto& lst : lists)
            for (value y : lst) decref(y);
          return value();
        }
        break;
      }
      int fd = -1;
      if (!fd_of(x, &fd)) {
        decref(x);
        for (auto& lst : lists)
          for (value y : lst) decref(y);
        return value();
      }
      owner.emplace_back(l, lists[l].size());
      lists[l].push_back(x);
      fds.push_back(pollfd{fd, events[l], 0});
    }
  }
  const int r = wait_ready(timeout >= 0, deadline_after(timeout),
                           [&](int slice_ms) { return ::poll(fds.data(), fds.size(), slice_ms); });
  if (r < 0) {
    for (auto& lst : lists)
      for (value y : lst) decref(y);
    return value();
  }
  ref out[3] = {ref(make_list()), ref(make_list()), ref(make_list())};
  for (std::size_t k = 0; k < fds.size(); ++k) {
    const auto [l, i] = owner[k];
    // POLLHUP/POLLERR make a descriptor readable (and writable), as select(2) says.
    const short ready = fds[k].revents & (fds[k].events | POLLHUP | POLLERR);
    if (ready && (l != 2 || (fds[k].revents & POLLPRI))) as_list(out[l].get())->items.push_back(newref(lists[l][i]));
  }
  for (auto& lst : lists)
    for (value y : lst) decref(y);
  return make_tuple({out[0].get(), out[1].get(), out[2].get()});
}

// ---- select.epoll ----
// An epoll instance as CPython's select.epoll: register/modify/unregister
// file descriptors, poll(timeout) -> [(fd, events)]. poll waits in the
// blocking region (in signal_poll_ms slices on the main thread).

type_object epoll_type;

struct epoll_object : object {
  std::atomic<int> epfd{-1};
};

void epoll_dealloc(object* o) {
  auto* e = static_cast<epoll_object*>(o);
  const int fd = e->epfd.exchange(-1);
  if (fd >= 0) ::close(fd);
  e->~epoll_object();
  free_object_memory(o);
}

int epoll_fd(value self) {
  const int fd = static_cast<epoll_object*>(self.obj())->epfd.load();
  if (fd < 0) raise(&exc_ValueError, "I/O operation on closed epoll object");
  return fd;
}

value construct_epoll(const value* args, std::size_t nargs, value kwnames) {
  (void)args;
  if (nargs - (kwnames ? as_tuple(kwnames)->size : 0) > 2) return raise_type_error("epoll() takes at most 2 arguments");
  const int fd = ::epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) return raise_os_error(errno);
  auto* e = make<epoll_object>(&epoll_type);
  e->epfd.store(fd);
  return value::from(e);
}

value epoll_control(value self, int op, const value* args, std::size_t nargs, const char* fname) {
  int fd = -1;
  if (!fd_of(args[0], &fd)) return value();
  std::int64_t mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
  if (nargs > 1 && !int_arg(args[1], &mask)) return value();
  const int ep = epoll_fd(self);
  if (ep < 0) return value();
  epoll_event ev{};
  ev.events = static_cast<std::uint32_t>(mask);
  ev.data.fd = fd;
  if (::epoll_ctl(ep, op, fd, &ev) != 0) return raise_os_error(errno);
  (void)fname;
  return none();
}

value epoll_register(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("register", kwnames) || !arg_count("register", nargs, 1, 2)) return value();
  return epoll_control(self, EPOLL_CTL_ADD, args, nargs, "register");
}

value epoll_modify(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("modify", kwnames) || !arg_count("modify", nargs, 2, 2)) return value();
  return epoll_control(self, EPOLL_CTL_MOD, args, nargs, "modify");
}

value epoll_unregister(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("unregister", kwnames) || !arg_count("unregister", nargs, 1, 1)) return value();
  int fd = -1;
  if (!fd_of(args[0], &fd)) return value();
  const int ep = epoll_fd(self);
  if (ep < 0) return value();
  if (::epoll_ctl(ep, EPOLL_CTL_DEL, fd, nullptr) != 0) return raise_os_error(errno);
  return none();
}

value epoll_poll(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("poll", kwnames) || !arg_count("poll", nargs, 0, 2)) return value();
  double timeout = -1;
  if (nargs > 0 && args[0] != none()) {
    std::int64_t i = 0;
    if (type_of(args[0]) == &float_type) {
      timeout = static_cast<float_object*>(args[0].obj())->v;
    } else if (as_int64(args[0], &i)) {
      timeout = static_cast<double>(i);
    } else {
      return raise_type_error("timeout must be an integer or None");
    }
    if (timeout < 0) timeout = -1;  // CPython: any negative timeout waits forever
  }
  std::int64_t maxevents = -1;
  if (nargs > 1 && !int_arg(args[1], &maxevents)) return value();
  if (maxevents == -1) maxevents = 1024;
  if (maxevents <= 0) return raise(&exc_ValueError, "maxevents must be greater than 0, got " + std::to_string(maxevents));
  const int ep = epoll_fd(self);
  if (ep < 0) return value();
  std::vector<epoll_event> events(static_cast<std::size_t>(maxevents));
  const int n = wait_ready(timeout >= 0, deadline_after(timeout), [&](int slice_ms) {
    return ::epoll_wait(ep, events.data(), static_cast<int>(events.size()), slice_ms);
  });
  if (n < 0) return value();
  ref out(make_list());
  for (int k = 0; k < n; ++k) {
    ref fd(make_int(events[static_cast<std::size_t>(k)].data.fd));
    ref ev(make_int(events[static_cast<std::size_t>(k)].events));
    as_list(out.get())->items.push_back(make_tuple({fd.get(), ev.get()}));
  }
  return out.release();
}

value epoll_close(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("close", kwnames) || !arg_count("close", nargs, 0, 0)) return value();
  const int fd = static_cast<epoll_object*>(self.obj())->epfd.exchange(-1);
  if (fd >= 0) ::close(fd);
  return none();
}

value epoll_fileno(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("fileno", kwnames) || !arg_count("fileno", nargs, 0, 0)) return value();
  const int fd = epoll_fd(self);
  return fd < 0 ? value() : make_int(fd);
}

value epoll_enter(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("__enter__", kwnames) || !arg_count("__enter__", nargs, 0, 0)) return value();
  if (epoll_fd(self) < 0) return value();
  return newref(self);
}

value epoll_exit(value self, const value*, std::size_t, value) {
  ref r(epoll_close(self, nullptr, 0, value()));
  return r ? boolean(false) : value();
}

value epoll_getattr(value self, value name) {
  if (str_of(name) == "closed") return boolean(static_cast<epoll_object*>(self.obj())->epfd.load() < 0);
  return value();
}

void init_epoll_type() {
  init_type(epoll_type, "epoll", nullptr);
  epoll_type.module = "select";
  epoll_type.dealloc = epoll_dealloc;
  epoll_type.construct = construct_epoll;
  epoll_type.getattr = epoll_getattr;
  add_method(epoll_type, "register", epoll_register);
  add_method(epoll_type, "modify", epoll_modify);
  add_method(epoll_type, "unregister", epoll_unregister);
  add_method(epoll_type, "poll", epoll_poll);
  add_method(epoll_type, "close", epoll_close);
  add_method(epoll_type, "fileno", epoll_fileno);
  add_method(epoll_type, "__enter__", epoll_enter);
  add_method(epoll_type, "__exit__", epoll_exit);
  mark_methods_irrevocable(epoll_type);
}

// ---- posix (the `os` module's functions) ----

value posix_getpid(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("getpid", kwnames) || !arg_count("getpid", nargs, 0, 0)) return value();
  return make_int(::getpid());
}

value posix_getppid(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("getppid", kwnames) || !arg_count("getppid", nargs, 0, 0)) return value();
  return make_int(::getppid());
}

value posix_cpu_count(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("cpu_count", kwnames) || !arg_count("cpu_count", nargs, 0, 0)) return value();
  const long n = ::sysconf(_SC_NPROCESSORS_ONLN);  // what CPython's os.cpu_count() returns
  return n < 1 ? none() : make_int(n);
}

value posix_exit(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("_exit", kwnames) || !arg_count("_exit", nargs, 1, 1)) return value();
  std::int64_t code = 0;
  if (!int_arg(args[0], &code)) return value();
  std::_Exit(static_cast<int>(code));  // no flushing, no exit handlers: os._exit's contract
}

value posix_pipe(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("pipe", kwnames) || !arg_count("pipe", nargs, 0, 0)) return value();
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return raise_os_error(errno);
  ref r(make_int(fds[0]));
  ref w(make_int(fds[1]));
  return make_tuple({r.get(), w.get()});
}

value posix_read(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("read", kwnames) || !arg_count("read", nargs, 2, 2)) return value();
  std::int64_t fd = 0, size = 0;
  if (!int_arg(args[0], &fd) || !int_arg(args[1], &size)) return value();
  if (size < 0) return raise_os_error(EINVAL);
  std::string buf(static_cast<std::size_t>(size), '\0');
  for (;;) {
    ssize_t n = 0;
    int err = 0;
    {
      gillab::interp::blocking_region<backend> region(current_thread().backend_state);
      n = ::read(static_cast<int>(fd), buf.data(), buf.size());
      err = errno;
    }
    if (n >= 0) {
      buf.resize(static_cast<std::size_t>(n));
      return make_bytes(buf);
    }
    if (err != EINTR) return raise_os_error(err);
    if (signals_pending() && handle_signals()) return value();
  }
}

value posix_write(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("write", kwnames) || !arg_count("write", nargs, 2, 2)) return value();
  std::int64_t fd = 0;
  if (!int_arg(args[0], &fd)) return value();
  const std::string* data = bytes_arg(args[1]);
  if (!data) return value();
  for (;;) {
    ssize_t n = 0;
    int err = 0;
    {
      gillab::interp::blocking_region<backend> region(current_thread().backend_state);
      n = ::write(static_cast<int>(fd), data->data(), data->size());
      err = errno;
    }
    if (n >= 0) return make_int(n);
    if (err != EINTR) return raise_os_error(err);
    if (signals_pending() && handle_signals()) return value();
  }
}

value posix_close(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("close", kwnames) || !arg_count("close", nargs, 1, 1)) return value();
  std::int64_t fd = 0;
  if (!int_arg(args[0], &fd)) return value();
  if (::close(static_cast<int>(fd)) != 0) return raise_os_error(errno);
  return none();
}

value posix_strerror(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("strerror", kwnames) || !arg_count("strerror", nargs, 1, 1)) return value();
  std::int64_t code = 0;
  if (!int_arg(args[0], &code)) return value();
  return make_str(std::strerror(static_cast<int>(code)));
}

value posix_getcwd(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("getcwd", kwnames) || !arg_count("getcwd", nargs, 0, 0)) return value();
  std::vector<char> buf(4096);
  if (!::getcwd(buf.data(), buf.size())) return raise_os_error(errno);
  return make_str(buf.data());
}

/// posix._stat_kind(path): "file", "dir", "other", or None when it does not
/// exist — what os.path.exists/isfile/isdir need (no stat_result in gillab).
value posix_stat_kind(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("_stat_kind", kwnames) || !arg_count("_stat_kind", nargs, 1, 1)) return value();
  if (type_of(args[0]) != &str_type) return raise_type_error("stat: path should be str");
  struct stat st {};
  if (::stat(str_of(args[0]).c_str(), &st) != 0) return none();
  return make_str(S_ISREG(st.st_mode) ? "file" : S_ISDIR(st.st_mode) ? "dir" : "other");
}

// ---- files: what io.open (interp/lib/io.py) and os.remove need ----

/// A path argument: str (bytes paths are not modelled).
bool path_arg(const char* fname, value v, std::string* path) {
  if (type_of(v) == &str_type) {
    *path = str_of(v);
    return true;
  }
  raise_type_error(std::string(fname) + ": path should be string, not " + type_name(v));
  return false;
}

/// posix.open(path, flags, mode=0o777) -> fd. Opening may block (a FIFO,
/// a slow file system): a blocking region. Close-on-exec, as CPython's
/// descriptors are non-inheritable (PEP 446).
value posix_open(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("open", kwnames) || !arg_count("open", nargs, 2, 3)) return value();
  std::string path;
  std::int64_t flags = 0, mode = 0777;
  if (!path_arg("open", args[0], &path) || !int_arg(args[1], &flags) || (nargs == 3 && !int_arg(args[2], &mode))) return value();
  for (;;) {
    int fd = -1, err = 0;
    {
      gillab::interp::blocking_region<backend> region(current_thread().backend_state);
      fd = ::open(path.c_str(), static_cast<int>(flags) | O_CLOEXEC, static_cast<mode_t>(mode));
      err = errno;
    }
    if (fd >= 0) return make_int(fd);
    if (err != EINTR) return raise_os_error(err, args[0]);
    if (signals_pending() && handle_signals()) return value();
  }
}

value posix_lseek(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("lseek", kwnames) || !arg_count("lseek", nargs, 3, 3)) return value();
  std::int64_t fd = 0, pos = 0, how = 0;
  if (!int_arg(args[0], &fd) || !int_arg(args[1], &pos) || !int_arg(args[2], &how)) return value();
  const off_t r = ::lseek(static_cast<int>(fd), static_cast<off_t>(pos), static_cast<int>(how));
  if (r < 0) return raise_os_error(errno);
  return make_int(static_cast<std::int64_t>(r));
}

value posix_ftruncate(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("ftruncate", kwnames) || !arg_count("ftruncate", nargs, 2, 2)) return value();
  std::int64_t fd = 0, length = 0;
  if (!int_arg(args[0], &fd) || !int_arg(args[1], &length)) return value();
  if (::ftruncate(static_cast<int>(fd), static_cast<off_t>(length)) != 0) return raise_os_error(errno);
  return none();
}

value posix_isatty(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("isatty", kwnames) || !arg_count("isatty", nargs, 1, 1)) return value();
  std::int64_t fd = 0;
  if (!int_arg(args[0], &fd)) return value();
  return boolean(::isatty(static_cast<int>(fd)) == 1);
}

/// posix.unlink(path) (os.remove, os.unlink).
value posix_unlink(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("unlink", kwnames) || !arg_count("unlink", nargs, 1, 1)) return value();
  std::string path;
  if (!path_arg("remove", args[0], &path)) return value();
  if (::unlink(path.c_str()) != 0) return raise_os_error(errno, args[0]);
  return none();
}

// ---- processes ----

value posix_fork(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("fork", kwnames) || !arg_count("fork", nargs, 0, 0)) return value();
  // stm: a child is never taken back (an abort would fork again), and the
  // world stops only between transactions.
  if (!transaction_irrevocable()) return value();
  const long pid = fork_process();
  if (pid < 0) return raise_os_error(errno);
  if (pid == 0) {
    // threading's own state forgets the vanished threads (CPython calls
    // threading._after_fork from PyOS_AfterFork_Child the same way).
    value modules = dict_get(value::from(static_cast<module_object*>(sys_module_value().obj())->dict), intern("modules"));
    value threading = modules && type_of(modules) == &dict_type ? dict_get(modules, intern("threading")) : value();
    if (threading) {
      ref hook(op_getattr(threading, intern("_after_fork")));
      ref r(hook ? op_call(hook.get(), nullptr, 0) : value());
      if (!r) {
        // As CPython: a failing hook is reported, and the child goes on.
        ref exc(take_pending());
        flush_stdout();
        std::fputs("Exception ignored in: threading._after_fork\n", stderr);
        print_exception(exc.get());
      }
    }
  }
  return make_int(pid);
}

value posix_waitpid(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("waitpid", kwnames) || !arg_count("waitpid", nargs, 2, 2)) return value();
  std::int64_t pid = 0, options = 0;
  if (!int_arg(args[0], &pid) || !int_arg(args[1], &options)) return value();
  for (;;) {
    int status = 0;
    pid_t r = 0;
    int err = 0;
    const bool nohang = options & WNOHANG;
    // The main thread polls (WNOHANG every signal_poll_ms) so that Ctrl-C
    // interrupts the wait, as EINTR does in CPython.
    const bool poll_for_signals = !nohang && is_main_thread_for_signals();
    {
      gillab::interp::blocking_region<backend> region(current_thread().backend_state);
      r = ::waitpid(static_cast<pid_t>(pid), &status, static_cast<int>(options) | (poll_for_signals ? WNOHANG : 0));
      err = errno;
      if (r == 0 && poll_for_signals) std::this_thread::sleep_for(std::chrono::milliseconds(signal_poll_ms / 10));
    }
    if (r < 0 && err != EINTR) return raise_os_error(err);
    if (signals_pending() && handle_signals()) return value();
    if (r < 0 || (r == 0 && poll_for_signals)) continue;
    ref p(make_int(r));
    ref st(make_int(status));
    return make_tuple({p.get(), st.get()});
  }
}

value posix_kill(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("kill", kwnames) || !arg_count("kill", nargs, 2, 2)) return value();
  std::int64_t pid = 0, sig = 0;
  if (!int_arg(args[0], &pid) || !int_arg(args[1], &sig)) return value();
  if (::kill(static_cast<pid_t>(pid), static_cast<int>(sig)) != 0) return raise_os_error(errno);
  return none();
}

/// os.WIFEXITED and friends: the predicates return bool, the others int.
template <int (*Get)(int), bool Predicate>
value status_fn(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("wait status", kwnames) || !arg_count("wait status", nargs, 1, 1)) return value();
  std::int64_t status = 0;
  if (!int_arg(args[0], &status)) return value();
  const int r = Get(static_cast<int>(status));
  return Predicate ? boolean(r != 0) : make_int(r);
}
int wifexited(int s) { return WIFEXITED(s); }
int wexitstatus(int s) { return WEXITSTATUS(s); }
int wifsignaled(int s) { return WIFSIGNALED(s); }
int wtermsig(int s) { return WTERMSIG(s); }
int wifstopped(int s) { return WIFSTOPPED(s); }

value posix_waitstatus_to_exitcode(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("waitstatus_to_exitcode", kwnames) || !arg_count("waitstatus_to_exitcode", nargs, 1, 1)) {
    return value();
  }
  std::int64_t status = 0;
  if (!int_arg(args[0], &status)) return value();
  const int s = static_cast<int>(status);
  if (WIFEXITED(s)) return make_int(WEXITSTATUS(s));
  if (WIFSIGNALED(s)) return make_int(-WTERMSIG(s));
  return raise(&exc_ValueError, "invalid wait status: " + std::to_string(s));
}

value make_environ() {
  value d = make_dict();
  for (char** e = environ; e && *e; ++e) {
    const std::string kv(*e);
    const std::size_t eq = kv.find('=');
    if (eq == std::string::npos) continue;
    ref k(make_str(kv.substr(0, eq)));
    ref v(make_str(kv.substr(eq + 1)));
    dict_set(d, k.get(), v.get());
  }
  return d;
}

}  // namespace

value socket_module() {
  static value m = [] {
    init_socket_types();
    value mod = make_native_module("_socket", {{"getdefaulttimeout", socket_getdefaulttimeout},
                                              {"setdefaulttimeout", socket_setdefaulttimeout},
                                              {"socketpair", socket_socketpair},
                                              {"gethostname", socket_gethostname},
                                              {"gethostbyname", socket_gethostbyname}});
    set_in(mod, "socket", newref(value::from(&socket_type)));
    set_in(mod, "SocketType", newref(value::from(&socket_type)));
    set_in(mod, "gaierror", newref(value::from(&gaierror_type)));
    static const std::pair<const char*, int> constants[] = {
        {"AF_INET", AF_INET},         {"AF_UNIX", AF_UNIX},         {"AF_INET6", AF_INET6},
        {"SOCK_STREAM", SOCK_STREAM}, {"SOCK_DGRAM", SOCK_DGRAM},   {"SOL_SOCKET", SOL_SOCKET},
        {"SO_REUSEADDR", SO_REUSEADDR}, {"SO_REUSEPORT", SO_REUSEPORT}, {"SO_KEEPALIVE", SO_KEEPALIVE},
        {"SO_ERROR", SO_ERROR},       {"SO_SNDBUF", SO_SNDBUF},     {"SO_RCVBUF", SO_RCVBUF},
        {"IPPROTO_TCP", IPPROTO_TCP}, {"TCP_NODELAY", TCP_NODELAY}, {"SHUT_RD", SHUT_RD},
        {"SHUT_WR", SHUT_WR},         {"SHUT_RDWR", SHUT_RDWR},     {"SOMAXCONN", SOMAXCONN},
        {"MSG_PEEK", MSG_PEEK},
    };
    for (const auto& [name, v] : constants) set_in(mod, name, make_int(v));
    return mod;
  }();
  return m;
}

value select_module() {
  static value m = [] {
    init_epoll_type();
    value mod = make_native_module("select", {{"select", select_select}});
    set_in(mod, "epoll", newref(value::from(&epoll_type)));
    set_in(mod, "error", newref(value::from(&exc_OSError)));
    static const std::pair<const char*, int> constants[] = {
        {"EPOLLIN", EPOLLIN},   {"EPOLLOUT", EPOLLOUT},         {"EPOLLPRI", EPOLLPRI},       {"EPOLLERR", EPOLLERR},
        {"EPOLLHUP", EPOLLHUP}, {"EPOLLRDHUP", EPOLLRDHUP},     {"EPOLLET", static_cast<int>(EPOLLET)},
        {"EPOLLONESHOT", EPOLLONESHOT},
    };
    for (const auto& [name, v] : constants) set_in(mod, name, make_int(v));
    return mod;
  }();
  return m;
}

value posix_module() {
  static value m = [] {
    value mod = make_native_module("posix", {{"getpid", posix_getpid},
                                            {"getppid", posix_getppid},
                                            {"cpu_count", posix_cpu_count},
                                            {"_exit", posix_exit},
                                            {"pipe", posix_pipe},
                                            {"read", posix_read},
                                            {"write", posix_write},
                                            {"close", posix_close},
                                            {"strerror", posix_strerror},
                                            {"getcwd", posix_getcwd},
                                            {"_stat_kind", posix_stat_kind},
                                            {"open", posix_open},
                                            {"lseek", posix_lseek},
                                            {"ftruncate", posix_ftruncate},
                                            {"isatty", posix_isatty},
                                            {"unlink", posix_unlink},
                                            {"fork", posix_fork},
                                            {"waitpid", posix_waitpid},
                                            {"kill", posix_kill},
                                            {"WIFEXITED", status_fn<wifexited, true>},
                                            {"WEXITSTATUS", status_fn<wexitstatus, false>},
                                            {"WIFSIGNALED", status_fn<wifsignaled, true>},
                                            {"WTERMSIG", status_fn<wtermsig, false>},
                                            {"WIFSTOPPED", status_fn<wifstopped, true>},
                                            {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode}});
    set_in(mod, "environ", make_environ());
    set_in(mod, "WNOHANG", make_int(WNOHANG));
    for (const auto& [name, flag] : {std::pair{"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
                                     {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC},
                                     {"O_APPEND", O_APPEND}, {"O_CLOEXEC", O_CLOEXEC},
                                     {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END}})
      set_in(mod, name, make_int(flag));
    return mod;
  }();
  return m;
}

/// `signal`: the signal numbers (os.kill's second argument). Handlers are
/// not modelled: Ctrl-C is the runtime's own (threads.hpp).
value signal_module() {
  static value m = [] {
    value mod = make_native_module("signal", {});
    static const std::pair<const char*, int> numbers[] = {
        {"SIGHUP", SIGHUP},   {"SIGINT", SIGINT},   {"SIGQUIT", SIGQUIT}, {"SIGKILL", SIGKILL},
        {"SIGUSR1", SIGUSR1}, {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM},
        {"SIGTERM", SIGTERM}, {"SIGCHLD", SIGCHLD}, {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP},
    };
    for (const auto& [name, v] : numbers) set_in(mod, name, make_int(v));
    return mod;
  }();
  return m;
}

GILLAB_RUNTIME_NAMESPACE_END
