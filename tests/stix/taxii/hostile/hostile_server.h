// A hostile HTTP server and raw-socket helpers for the TAXII hostile-network tests, on
// 127.0.0.1 only. HostileServer listens on 127.0.0.1:0 in a thread; each connection gets
// its own thread, which reads one request head and hands it, with the connection, to a
// scripted Behaviour that writes whatever bytes it likes (endless pages, a 10 GB body,
// one byte a second, broken JSON, ...). Every answer is followed by closing the
// connection, so a client opens a new one per request.
//
//   HostileServer server([](const RawRequest& req, HostileConnection& c) {
//     c.Write(HttpAnswer(200, R"({"more": "yes"})"));
//   });
//   TaxiiClient client(transport, options);  // talks to server.url() + "/api/"
//
// RawConnection is the other direction: a client socket that sends whatever bytes a test
// wants to a server and reads what comes back.
//
// Header-only because tests/CMakeLists.txt compiles only *_test.cc and tests/support/*.cc.
// Thread-safety: a Behaviour runs on connection threads, one per connection at a time;
// the destructor stops the server, ends every connection and joins every thread.
#ifndef STIXKIT_TESTS_STIX_TAXII_HOSTILE_HOSTILE_SERVER_H_
#define STIXKIT_TESTS_STIX_TAXII_HOSTILE_HOSTILE_SERVER_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"

namespace stixkit::testing {

// The head of one request as the hostile server read it.
struct RawRequest {
  std::string method;
  std::string target;  // "/api/collections/x/objects/?limit=5"
  std::string head;    // everything up to the blank line
  int number = 0;      // 1 for the first request the server saw, 2 for the next, ...
};

// One accepted connection, as a Behaviour sees it.
class HostileConnection {
 public:
  HostileConnection(int fd, const std::atomic<bool>* stopping) : fd_(fd), stopping_(stopping) {}

  // Writes all of `bytes`; false once the peer has gone or the server stops. Never raises
  // SIGPIPE.
  bool Write(std::string_view bytes) {
    while (!bytes.empty()) {
      if (*stopping_) return false;
      const ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  // Sleeps in small steps; false when the server stops meanwhile.
  bool Sleep(std::chrono::milliseconds d) {
    const auto end = std::chrono::steady_clock::now() + d;
    while (std::chrono::steady_clock::now() < end) {
      if (*stopping_) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
  }

 private:
  int fd_;
  const std::atomic<bool>* stopping_;
};

using Behaviour = std::function<void(const RawRequest&, HostileConnection&)>;

// A complete HTTP/1.1 answer with Content-Length and `Connection: close`; the content
// type is TAXII's unless `content_type` says otherwise ("" sends none).
inline std::string HttpAnswer(
    int status, std::string_view body, std::string_view extra_headers = "",
    std::string_view content_type = "application/taxii+json;version=2.1") {
  std::string out = absl::StrCat("HTTP/1.1 ", status, " Hostile\r\n");
  if (!content_type.empty()) absl::StrAppend(&out, "Content-Type: ", Av(content_type), "\r\n");
  absl::StrAppend(&out, "Content-Length: ", body.size(), "\r\nConnection: close\r\n",
                  Av(extra_headers), "\r\n", Av(body));
  return out;
}

class HostileServer {
 public:
  explicit HostileServer(Behaviour behaviour) : behaviour_(std::move(behaviour)) {
    listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
        listen(listen_fd_, 64) != 0) {
      close(listen_fd_);
      listen_fd_ = -1;
      return;
    }
    socklen_t len = sizeof(addr);
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    accept_thread_ = std::thread([this] { AcceptLoop(); });
  }

  ~HostileServer() {
    stopping_ = true;
    if (accept_thread_.joinable()) accept_thread_.join();
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (int fd : open_fds_) shutdown(fd, SHUT_RDWR);
    }
    for (std::thread& t : connection_threads_) t.join();
    if (listen_fd_ >= 0) close(listen_fd_);
  }

  HostileServer(const HostileServer&) = delete;
  HostileServer& operator=(const HostileServer&) = delete;

  bool ok() const { return port_ > 0; }
  int port() const { return port_; }
  // "http://127.0.0.1:PORT"
  std::string url() const { return absl::StrCat("http://127.0.0.1:", port_); }
  // How many request heads the server has read.
  int requests() const { return requests_; }

 private:
  void AcceptLoop() {
    while (!stopping_) {
      pollfd p{listen_fd_, POLLIN, 0};
      if (poll(&p, 1, 20) <= 0) continue;
      const int fd = accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) continue;
      std::lock_guard<std::mutex> lock(mu_);
      open_fds_.push_back(fd);
      connection_threads_.emplace_back([this, fd] { Serve(fd); });
    }
  }

  // Reads one request head (and a Content-Length body, which is dropped), then runs the
  // behaviour and closes.
  void Serve(int fd) {
    std::string head;
    char buf[4096];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < (1 << 20)) {
      const ssize_t n = recv(fd, buf, sizeof(buf), 0);
      if (n <= 0) break;
      head.append(buf, static_cast<size_t>(n));
    }
    const size_t end = head.find("\r\n\r\n");
    if (end != std::string::npos) {
      RawRequest req;
      req.head = head.substr(0, end);
      const size_t sp1 = req.head.find(' ');
      const size_t sp2 = req.head.find(' ', sp1 + 1);
      if (sp1 != std::string::npos && sp2 != std::string::npos) {
        req.method = req.head.substr(0, sp1);
        req.target = req.head.substr(sp1 + 1, sp2 - sp1 - 1);
      }
      DrainBody(fd, req.head, head.size() - end - 4);
      req.number = ++requests_;
      HostileConnection connection(fd, &stopping_);
      behaviour_(req, connection);
    }
    shutdown(fd, SHUT_WR);
    {
      std::lock_guard<std::mutex> lock(mu_);
      std::erase(open_fds_, fd);
    }
    close(fd);
  }

  static void DrainBody(int fd, const std::string& head, size_t already) {
    const std::string lower = absl::AsciiStrToLower(head);
    const size_t at = lower.find("\ncontent-length:");
    if (at == std::string::npos) return;
    size_t length = 0;
    const size_t eol = lower.find('\r', at + 1);
    if (!absl::SimpleAtoi(absl::StripAsciiWhitespace(lower.substr(at + 16, eol - at - 16)),
                          &length)) {
      return;
    }
    char buf[4096];
    for (size_t left = length > already ? length - already : 0; left > 0;) {
      const ssize_t n = recv(fd, buf, std::min(sizeof(buf), left), 0);
      if (n <= 0) return;
      left -= static_cast<size_t>(n);
    }
  }

  Behaviour behaviour_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> requests_{0};
  std::thread accept_thread_;
  std::mutex mu_;
  std::vector<int> open_fds_;
  std::vector<std::thread> connection_threads_;
};

// A client socket to 127.0.0.1:port that sends raw bytes; for talking to our server the
// way no well-behaved client would.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
      close(fd_);
      fd_ = -1;
    }
  }
  ~RawConnection() {
    if (fd_ >= 0) close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return fd_ >= 0; }

  // Sends all of `bytes`; false when the server has closed or reset the connection.
  bool Send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  // Everything the server sends until it closes the connection, `limit` bytes, or
  // `timeout` passes, whichever is first (with what ReadAnswer read ahead before it).
  std::string ReadAll(std::chrono::milliseconds timeout, size_t limit = 1 << 20) {
    std::string out = std::move(buffer_);
    buffer_.clear();
    const auto end = std::chrono::steady_clock::now() + timeout;
    char buf[4096];
    while (out.size() < limit && !closed_) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          end - std::chrono::steady_clock::now());
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, std::max<int>(0, static_cast<int>(left.count()))) <= 0) break;
      const ssize_t n = recv(fd_, buf, sizeof(buf), 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }

  // One HTTP answer with a Content-Length body (or what came before the server closed or
  // `timeout` passed); bytes after it are kept for the next read.
  std::string ReadAnswer(std::chrono::milliseconds timeout) {
    std::string out = std::move(buffer_);
    buffer_.clear();
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (true) {
      const size_t head_end = out.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        const std::string lower = absl::AsciiStrToLower(out.substr(0, head_end));
        const size_t at = lower.find("\ncontent-length:");
        size_t length = 0;
        if (at != std::string::npos) {
          const size_t eol = lower.find('\r', at + 1);
          (void)absl::SimpleAtoi(absl::StripAsciiWhitespace(lower.substr(at + 16, eol - at - 16)),
                                 &length);
        }
        if (out.size() >= head_end + 4 + length) {
          buffer_ = out.substr(head_end + 4 + length);
          out.resize(head_end + 4 + length);
          return out;
        }
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          end - std::chrono::steady_clock::now());
      if (left.count() <= 0 || closed_) return out;
      // Short slices: ReadAll keeps reading for its whole slice, and the answer may be
      // complete after the first few bytes of it.
      out += ReadAll(std::min(left, std::chrono::milliseconds(2)));
    }
  }

  // Puts `bytes` back in front of what the next read returns.
  void PutBack(std::string bytes) { buffer_ = std::move(bytes) + buffer_; }

  // True once the server closed the connection (seen by a read).
  bool closed() const { return closed_; }

 private:
  int fd_ = -1;
  bool closed_ = false;
  std::string buffer_;
};

// The HTTP status of a raw answer ("HTTP/1.1 431 ..."), or 0.
inline int StatusOf(std::string_view answer) {
  int status = 0;
  if (answer.size() < 12 || !absl::StartsWith(Av(answer), "HTTP/1.")) return 0;
  return absl::SimpleAtoi(Av(answer.substr(9, 3)), &status) ? status : 0;
}

// The body of a raw answer (after the blank line).
inline std::string BodyOf(std::string_view answer) {
  const size_t at = answer.find("\r\n\r\n");
  return at == std::string_view::npos ? std::string() : std::string(answer.substr(at + 4));
}

// This process's resident set size and its peak, in bytes (from /proc/self/status).
inline size_t ProcStatusBytes(std::string_view key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (absl::StartsWith(line, Av(key))) {
      size_t kb = 0;
      std::string_view rest = std::string_view(line).substr(key.size());
      while (!rest.empty() &&
             (rest.front() == ':' || rest.front() == ' ' || rest.front() == '\t')) {
        rest.remove_prefix(1);
      }
      rest = rest.substr(0, rest.find(' '));
      return absl::SimpleAtoi(Av(rest), &kb) ? kb * 1024 : 0;
    }
  }
  return 0;
}

// Resets the peak RSS (VmHWM) to the current RSS, so a test can measure its own peak;
// false when the kernel does not allow it.
inline bool ResetPeakRss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

}  // namespace stixkit::testing

#endif  // STIXKIT_TESTS_STIX_TAXII_HOSTILE_HOSTILE_SERVER_H_
