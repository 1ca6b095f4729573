#include "stix/taxii/server/internal/connection_sweep.h"

#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

namespace stixkit::taxii::server_internal {
namespace {

int LocalPort(const sockaddr_storage& addr) {
  if (addr.ss_family == AF_INET) {
    return ntohs(reinterpret_cast<const sockaddr_in&>(addr).sin_port);
  }
  if (addr.ss_family == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6&>(addr).sin6_port);
  }
  return -1;
}

// True when `fd` is a connected TCP socket whose local port is `port`: an accepted
// connection of the server (a client socket of this process connected to the server has
// the server's port as its peer port, not its local one).
bool IsAcceptedConnection(int fd, int port) {
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode)) return false;
  sockaddr_storage local{}, peer{};
  socklen_t local_len = sizeof(local), peer_len = sizeof(peer);
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0) return false;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0) return false;
  return LocalPort(local) == port;
}

bool IsListeningSocket(int fd, int port) {
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode)) return false;
  int listening = 0;
  socklen_t size = sizeof(listening);
  if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || !listening) {
    return false;
  }
  sockaddr_storage local{};
  socklen_t local_len = sizeof(local);
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0) return false;
  return LocalPort(local) == port;
}

// Calls `visit` with a dup() of every descriptor of this process that `matches`.
void ForEachSocket(const std::function<bool(int fd)>& matches,
                   const std::function<void(int fd)>& visit) {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return;
  const int dir_fd = dirfd(dir);
  while (dirent* entry = readdir(dir)) {
    char* end = nullptr;
    const long fd = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0' || fd == dir_fd) continue;
    const int copy = dup(static_cast<int>(fd));
    if (copy < 0) continue;
    if (matches(copy)) visit(copy);
    close(copy);
  }
  closedir(dir);
}

}  // namespace

void ForEachAcceptedConnection(int port, const std::function<void(int fd)>& visit) {
  ForEachSocket([port](int fd) { return IsAcceptedConnection(fd, port); }, visit);
}

void ForEachListeningSocket(int port, const std::function<void(int fd)>& visit) {
  ForEachSocket([port](int fd) { return IsListeningSocket(fd, port); }, visit);
}

int ShutDownAcceptedConnections(int port) {
  int found = 0;
  ForEachAcceptedConnection(port, [&](int fd) {
    shutdown(fd, SHUT_RD);
    ++found;
  });
  return found;
}

}  // namespace stixkit::taxii::server_internal
