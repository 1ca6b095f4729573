#include "stix/taxii/server/internal/request_deadline.h"

#include <arpa/inet.h>
#include <linux/tcp.h>  // TCP_INFO with tcpi_bytes_received (glibc's netinet/tcp.h lacks it)
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <chrono>
#include <vector>

#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"
#include "stix/taxii/server/internal/connection_sweep.h"

namespace stixkit::taxii::server_internal {
namespace {

// How often the watchdog looks. Also bounds how far a fast flood of header bytes can
// overshoot max_request_bytes before it is cut.
constexpr auto kInterval = std::chrono::milliseconds(100);
// A connection not seen for this long is forgotten even while "handling" (its answer
// could not be written, so AnswerWritten never came).
constexpr absl::Duration kForget = absl::Minutes(10);
// How long a connection to be closed lives on after its answer (a lingering close). A
// client still sending the refused body would get a reset instead of the answer if the
// socket were closed at once with its bytes unread; meanwhile cpp-httplib reads them as
// requests and refuses those.
constexpr absl::Duration kLinger = absl::Seconds(1);

std::string Key(std::string_view addr, int port) { return absl::StrCat(Av(addr), " ", port); }

// "addr port" of the peer of `fd`, as cpp-httplib writes req.remote_addr/remote_port.
std::string PeerKey(int fd) {
  sockaddr_storage peer{};
  socklen_t len = sizeof(peer);
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) != 0) return "";
  char host[INET6_ADDRSTRLEN] = {0};
  int port = 0;
  if (peer.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(peer);
    inet_ntop(AF_INET, &a.sin_addr, host, sizeof(host));
    port = ntohs(a.sin_port);
  } else if (peer.ss_family == AF_INET6) {
    const auto& a = reinterpret_cast<const sockaddr_in6&>(peer);
    inet_ntop(AF_INET6, &a.sin6_addr, host, sizeof(host));
    port = ntohs(a.sin6_port);
  } else {
    return "";
  }
  return Key(host, port);
}

uint64_t BytesReceived(int fd) {
  tcp_info info{};
  socklen_t len = sizeof(info);
  if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &len) != 0 ||
      len < offsetof(tcp_info, tcpi_bytes_received) + sizeof(info.tcpi_bytes_received)) {
    return 0;  // an older kernel: only the time limit applies
  }
  return info.tcpi_bytes_received;
}

}  // namespace

RequestDeadline::RequestDeadline(int port, absl::Duration deadline, uint64_t max_request_bytes)
    : port_(port), deadline_(deadline), max_request_bytes_(max_request_bytes) {
  thread_ = std::thread([this] { Run(); });
}

RequestDeadline::~RequestDeadline() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void RequestDeadline::RequestRead(std::string_view remote_addr, int remote_port) {
  std::lock_guard<std::mutex> lock(mu_);
  Connection& c = connections_[Key(remote_addr, remote_port)];
  c.handling = true;
  c.last_seen = absl::Now();
}

void RequestDeadline::AnswerWritten(std::string_view remote_addr, int remote_port) {
  std::lock_guard<std::mutex> lock(mu_);
  Connection& c = connections_[Key(remote_addr, remote_port)];
  c.handling = false;
  c.since = c.last_seen = absl::Now();
  c.rebase = true;
  if (c.close_after_answer && c.close_at == absl::InfiniteFuture()) {
    c.close_at = c.since + kLinger;
  }
}

void RequestDeadline::CloseAfterAnswer(std::string_view remote_addr, int remote_port) {
  std::lock_guard<std::mutex> lock(mu_);
  Connection& c = connections_[Key(remote_addr, remote_port)];
  c.close_after_answer = true;
  c.last_seen = absl::Now();
}

void RequestDeadline::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    wake_.wait_for(lock, kInterval);
    if (stopping_) break;
    lock.unlock();
    Sweep();
    lock.lock();
  }
}

void RequestDeadline::Sweep() {
  const absl::Time now = absl::Now();
  ForEachAcceptedConnection(port_, [&](int fd) {
    const std::string key = PeerKey(fd);
    struct stat st;
    if (key.empty() || fstat(fd, &st) != 0) return;
    const uint64_t bytes = BytesReceived(fd);
    std::lock_guard<std::mutex> lock(mu_);
    Connection& c = connections_[key];
    if (c.inode != static_cast<uint64_t>(st.st_ino)) {
      // First sight of this socket (or a new one from a reused peer port). An entry made
      // by RequestRead/AnswerWritten before the first sweep keeps its state.
      const bool fresh = c.inode != 0 || c.last_seen == absl::Time();
      if (fresh) {
        c = Connection{};
        c.since = now;
        c.rebase = false;  // a new socket's byte count starts at 0
      }
      c.inode = static_cast<uint64_t>(st.st_ino);
    }
    c.last_seen = now;
    if (c.rebase) {
      c.bytes_at_start = bytes;
      c.rebase = false;
    }
    if (c.cut) return;
    if (now >= c.close_at) {
      shutdown(fd, SHUT_RDWR);
      c.cut = true;
      return;
    }
    if (c.handling) return;
    const bool too_slow = now - c.since > deadline_;
    const bool too_big = bytes > c.bytes_at_start && bytes - c.bytes_at_start > max_request_bytes_;
    if (too_slow || too_big) {
      // The worker's next read then fails and cpp-httplib closes the connection.
      shutdown(fd, SHUT_RDWR);
      c.cut = true;
    }
  });
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = connections_.begin(); it != connections_.end();) {
    const bool gone = it->second.last_seen < now &&
                      (!it->second.handling || now - it->second.last_seen > kForget);
    if (gone) {
      connections_.erase(it++);
    } else {
      ++it;
    }
  }
}

}  // namespace stixkit::taxii::server_internal
