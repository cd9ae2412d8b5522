// page_server — the loopback HTTP server of the fetch case study (issue 11).
//
//   page_server [--port N] [--delay-ms D] [--size S]
//
// Listens on 127.0.0.1 (port 0: any free one), prints "port N" on stdout
// once it accepts connections, and serves until its stdin reaches end of
// file (the benchmark that started it holds the pipe: when it ends, for any
// reason, the server ends too — nothing is left running) or SIGTERM/SIGINT.
//
// GET /page/K[?size=S&delay=D] answers after D milliseconds (default
// --delay-ms, 100) with S bytes (default --size, 16384) that depend only on
// K: byte i of page K is 'a' + (K * 31 + i * 7) % 26. The fetch workloads
// print checksums of what they read, so every interpreter and every form of
// the case study must agree. /stats answers "requests N". Anything else is
// a 404. Every response closes its connection (HTTP/1.1, Connection:
// close, Content-Length).
//
// Why C++ and one thread per connection: the server must never be what the
// benchmark measures. Sleeping threads cost nothing, and D milliseconds of
// delay for each of 8 concurrent requests is 8 sleeping threads, so the
// concurrent forms of the case study can reach one delay in total.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

namespace {

std::atomic<long> requests_served{0};
volatile std::sig_atomic_t stop_requested = 0;

extern "C" void on_signal(int) { stop_requested = 1; }

long query_value(const std::string& query, const char* key, long fallback) {
  const std::string k = std::string(key) + "=";
  std::size_t at = 0;
  while (at < query.size()) {
    const std::size_t end = query.find('&', at);
    const std::string part = query.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (part.compare(0, k.size(), k) == 0) return std::strtol(part.c_str() + k.size(), nullptr, 10);
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return fallback;
}

bool send_all(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

std::string response(int status, const char* reason, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

void serve(int fd, long default_delay_ms, long default_size) {
  std::string request;
  char buf[4096];
  while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return;
    }
    request.append(buf, static_cast<std::size_t>(n));
  }
  const std::size_t sp1 = request.find(' ');
  const std::size_t sp2 = sp1 == std::string::npos ? sp1 : request.find(' ', sp1 + 1);
  std::string target = sp2 == std::string::npos ? "" : request.substr(sp1 + 1, sp2 - sp1 - 1);
  std::string query;
  if (const std::size_t q = target.find('?'); q != std::string::npos) {
    query = target.substr(q + 1);
    target.resize(q);
  }
  std::string out;
  if (target.rfind("/page/", 0) == 0) {
    const long page = std::strtol(target.c_str() + 6, nullptr, 10);
    const long size = std::max(0L, query_value(query, "size", default_size));
    const long delay = std::max(0L, query_value(query, "delay", default_delay_ms));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    std::string body(static_cast<std::size_t>(size), 'a');
    for (long i = 0; i < size; ++i) body[static_cast<std::size_t>(i)] = static_cast<char>('a' + (page * 31 + i * 7) % 26);
    out = response(200, "OK", body);
    requests_served.fetch_add(1);
  } else if (target == "/stats") {
    out = response(200, "OK", "requests " + std::to_string(requests_served.load()) + "\n");
  } else {
    out = response(404, "Not Found", "no such page: " + target + "\n");
  }
  send_all(fd, out);
  ::shutdown(fd, SHUT_WR);
  ::close(fd);
}

}  // namespace

int main(int argc, char** argv) {
  long port = 0, delay_ms = 100, size = 16384;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> long {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "page_server: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return std::strtol(argv[++i], nullptr, 10);
    };
    if (a == "--port") {
      port = next();
    } else if (a == "--delay-ms") {
      delay_ms = next();
    } else if (a == "--size") {
      size = next();
    } else {
      std::fprintf(stderr, "usage: page_server [--port N] [--delay-ms D] [--size S]\n");
      return 2;
    }
  }
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int one = 1;
  ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (listener < 0 || ::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listener, 512) != 0) {
    std::fprintf(stderr, "page_server: cannot listen on 127.0.0.1:%ld: %s\n", port, std::strerror(errno));
    return 1;
  }
  socklen_t len = sizeof addr;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len);
  std::printf("port %d\n", ntohs(addr.sin_port));
  std::fflush(stdout);

  pollfd fds[2] = {{listener, POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
  while (!stop_requested) {
    const int r = ::poll(fds, 2, 200);
    if (r < 0 && errno != EINTR) break;
    if (r <= 0) continue;
    if (fds[1].revents) {  // stdin readable: end of file (or data we ignore)
      char c;
      if (::read(STDIN_FILENO, &c, 1) <= 0) break;
    }
    if (fds[0].revents & POLLIN) {
      const int conn = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
      if (conn < 0) continue;
      std::thread(serve, conn, delay_ms, size).detach();
    }
  }
  ::close(listener);
  std::fprintf(stderr, "page_server: %ld requests served\n", requests_served.load());
  // Detached threads still sleeping end with the process: _exit skips
  // static destructors they might touch.
  std::fflush(stderr);
  std::_Exit(0);
}
