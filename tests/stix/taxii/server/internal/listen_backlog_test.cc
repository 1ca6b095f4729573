// RaiseListenBacklog on a socket nobody accepts from: with cpp-httplib's backlog of 5 the
// kernel completes only about six handshakes and drops the rest of the SYNs (their
// clients retry after a second); with the raised backlog all of them complete at once.
#include "stix/taxii/server/internal/listen_backlog.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

#include <catch2/catch.hpp>

namespace stixkit::taxii::server_internal {
namespace {

// A loopback socket listening with `backlog` on a free port, as cpp-httplib makes one.
int Listen(int backlog, int* port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(listen(fd, backlog) == 0);
  socklen_t size = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size);
  *port = ntohs(addr.sin_port);
  return fd;
}

// How many of `n` non-blocking connects to `port` finish their handshake within 300 ms.
int CompletedConnects(int port, int n) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  std::vector<pollfd> fds;
  for (int i = 0; i < n; ++i) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    fds.push_back({fd, POLLOUT, 0});
  }
  usleep(300'000);
  poll(fds.data(), fds.size(), 0);
  int completed = 0;
  for (const pollfd& p : fds) {
    int error = 0;
    socklen_t size = sizeof error;
    getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &error, &size);
    if ((p.revents & POLLOUT) != 0 && error == 0) ++completed;
    close(p.fd);
  }
  return completed;
}

TEST_CASE("listen backlog: raised from 5, twenty waiting connections all get through",
          "[stix][taxii][network]") {
  int port = 0;
  const int unchanged = Listen(5, &port);
  CHECK(CompletedConnects(port, 20) < 10);
  close(unchanged);

  const int raised = Listen(5, &port);
  REQUIRE(RaiseListenBacklog(port, 64));
  CHECK(CompletedConnects(port, 20) == 20);
  close(raised);
}

TEST_CASE("listen backlog: a port nobody listens on is reported", "[stix][taxii]") {
  int port = 0;
  const int fd = Listen(5, &port);
  close(fd);
  CHECK_FALSE(RaiseListenBacklog(port, 64));
}

}  // namespace
}  // namespace stixkit::taxii::server_internal
