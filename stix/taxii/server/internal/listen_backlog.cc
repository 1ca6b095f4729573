#include "stix/taxii/server/internal/listen_backlog.h"

#include <sys/socket.h>

#include "stix/taxii/server/internal/connection_sweep.h"

namespace stixkit::taxii::server_internal {

bool RaiseListenBacklog(int port, int backlog) {
  bool raised = false;
  ForEachListeningSocket(port, [&](int fd) { raised = ::listen(fd, backlog) == 0 || raised; });
  return raised;
}

}  // namespace stixkit::taxii::server_internal
