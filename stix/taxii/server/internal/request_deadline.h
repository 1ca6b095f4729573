// Cutting off connections whose request does not arrive in time.
//
// cpp-httplib 0.11.4 (the Debian build) has only a per-read timeout: a client that sends
// one byte a second, or header lines without end, keeps a worker thread forever (and the
// header bytes in memory), and `threads` such clients stop the server for everyone
// (tests/stix/taxii/hostile/hostile_client_test.cc). Nothing in its API reaches the
// accepted sockets, so a watchdog thread looks at them from outside (connection_sweep.h)
// every 100 ms and shuts down a connection that has been receiving one request for longer
// than `deadline`, or has sent more than `max_request_bytes` for it.
//
// The server tells the watchdog where each connection is: RequestRead once a request's
// head and body are in (its clock stops while the handler runs), AnswerWritten once the
// answer is out (the clock starts again for the next request on the connection).
// Connections are told apart by the peer's address and port, as cpp-httplib reports them.
//
//   RequestDeadline deadline(port, absl::Seconds(60), 64 << 20);
//   ... deadline.RequestRead(req.remote_addr, req.remote_port);
//
// Thread-safe. The destructor stops the watchdog. Linux only (/proc/self/fd, TCP_INFO);
// elsewhere it finds no connections and does nothing.
#ifndef STIXKIT_STIX_TAXII_SERVER_INTERNAL_REQUEST_DEADLINE_H_
#define STIXKIT_STIX_TAXII_SERVER_INTERNAL_REQUEST_DEADLINE_H_

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"

namespace stixkit::taxii::server_internal {

class RequestDeadline {
 public:
  // Watches the accepted connections of local port `port`.
  RequestDeadline(int port, absl::Duration deadline, uint64_t max_request_bytes);
  ~RequestDeadline();
  RequestDeadline(const RequestDeadline&) = delete;
  RequestDeadline& operator=(const RequestDeadline&) = delete;

  // The request from this peer has been read completely: its handler may take its time.
  void RequestRead(std::string_view remote_addr, int remote_port);
  // The answer to this peer is written: its next request starts now.
  void AnswerWritten(std::string_view remote_addr, int remote_port);
  // Close this peer's connection a second after its answer is written. cpp-httplib
  // 0.11.4 ignores a handler's "Connection: close" and would go on reading the rest of a
  // refused body as further requests, for as long as the client sends.
  void CloseAfterAnswer(std::string_view remote_addr, int remote_port);

 private:
  struct Connection {
    uint64_t inode = 0;  // the socket's, to notice a reused peer port
    // When the current request started; never, until the sweep or an answer says so.
    absl::Time since = absl::InfiniteFuture();
    absl::Time last_seen;                          // the last sweep that found the socket
    absl::Time close_at = absl::InfiniteFuture();  // set after CloseAfterAnswer's answer
    bool handling = false;                         // between RequestRead and AnswerWritten
    bool cut = false;                              // shut down by the watchdog; forgotten once gone
    bool close_after_answer = false;
    bool rebase = true;           // take the next sweep's byte count as the start
    uint64_t bytes_at_start = 0;  // TCP bytes received when the request started
  };

  void Run();
  void Sweep();

  const int port_;
  const absl::Duration deadline_;
  const uint64_t max_request_bytes_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  absl::flat_hash_map<std::string, Connection> connections_;
  std::thread thread_;
};

}  // namespace stixkit::taxii::server_internal

#endif  // STIXKIT_STIX_TAXII_SERVER_INTERNAL_REQUEST_DEADLINE_H_
