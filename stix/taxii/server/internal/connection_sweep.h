// Ending idle keep-alive connections when the server stops.
//
// cpp-httplib 0.11.4 (the Debian build) waits out each idle keep-alive connection before
// its stop() returns: a worker sits in detail::keep_alive() for up to the keep-alive
// timeout, and nothing in its API reaches the accepted sockets. A client that keeps a
// connection in its pool (libcurl does) would make every Stop take that long. So Stop
// finds this process's accepted sockets of the server's port and shuts down their read
// side: an idle worker then sees end-of-file and closes the connection at once, while a
// request already read still gets its response written.
//
// Each candidate descriptor is dup()ed and the duplicate is checked and shut down, so a
// descriptor number that is closed and reused meanwhile can never make it touch another
// socket. Linux only (/proc/self/fd); elsewhere it does nothing and Stop waits for the
// keep-alive timeout. Thread-safe. Internal to stix/taxii/server.
#ifndef STIXKIT_STIX_TAXII_SERVER_INTERNAL_CONNECTION_SWEEP_H_
#define STIXKIT_STIX_TAXII_SERVER_INTERNAL_CONNECTION_SWEEP_H_

#include <functional>

namespace stixkit::taxii::server_internal {

// Calls `visit` with a dup() of every connected TCP socket of this process whose local
// port is `port` (closed after `visit` returns). Also used by RequestDeadline.
void ForEachAcceptedConnection(int port, const std::function<void(int fd)>& visit);

// The same for sockets listening on `port` (used by RaiseListenBacklog).
void ForEachListeningSocket(int port, const std::function<void(int fd)>& visit);

// Shuts down the read side of every connected TCP socket of this process whose local
// port is `port`. Returns how many it found.
int ShutDownAcceptedConnections(int port);

}  // namespace stixkit::taxii::server_internal

#endif  // STIXKIT_STIX_TAXII_SERVER_INTERNAL_CONNECTION_SWEEP_H_
