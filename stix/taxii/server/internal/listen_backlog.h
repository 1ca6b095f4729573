// A longer queue of connections waiting to be accepted.
//
// cpp-httplib 0.11.4 (the Debian build) listens with a backlog of 5 and has no setting for
// it. When more than five clients connect at once while the accept thread is not running
// (a busy machine, a burst of TAXII clients polling on the hour), the kernel drops the
// extra SYNs and each of those clients waits a second or more for its retransmission.
// Linux lets listen() be called again on a listening socket to change its backlog, so the
// server does that right after binding.
//
// The listening socket is found like the accepted ones (connection_sweep.h): through
// /proc/self/fd, by its local port and SO_ACCEPTCONN, on a dup(). Linux only; elsewhere
// it finds nothing and the backlog stays 5. Internal to stix/taxii/server.
#ifndef STIXKIT_STIX_TAXII_SERVER_INTERNAL_LISTEN_BACKLOG_H_
#define STIXKIT_STIX_TAXII_SERVER_INTERNAL_LISTEN_BACKLOG_H_

namespace stixkit::taxii::server_internal {

// Sets the backlog of this process's listening TCP socket on `port` to `backlog` (the
// kernel caps it at net.core.somaxconn). False when no such socket was found.
bool RaiseListenBacklog(int port, int backlog);

}  // namespace stixkit::taxii::server_internal

#endif  // STIXKIT_STIX_TAXII_SERVER_INTERNAL_LISTEN_BACKLOG_H_
