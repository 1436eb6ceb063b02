// The HTTP/1.1 server: accepts connections on one address, reads requests
// with a header and body limit and a read timeout, hands each to a Handler
// and writes its Response. Stops gracefully on SIGTERM or SIGINT.
#pragma once

#include <functional>
#include <string>

#include "http/message.hpp"

namespace koers::http {

// Turns one request into one response. Called on a server thread; must be
// thread-safe and must not throw (the server answers 500 if it does).
using Handler = std::function<Response(Request&)>;

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                // 0 picks a free port
  int threads = 0;                // 0: one per core
  size_t header_limit = 16 * 1024;
  size_t body_limit = 1024 * 1024;  // default; `body_limit_for` may raise it per path
  std::function<size_t(const std::string& path)> body_limit_for;
  int read_timeout_seconds = 30;
  // How long a stop waits for requests in flight; then the process ends
  // and what did not commit is rolled back.
  int drain_seconds = 10;
  std::function<void(int port)> on_listening;  // called once the socket listens
  // Adds headers to the answers the server gives itself (413, 431, 400 for
  // unreadable requests, 500), so they look like every other answer.
  std::function<void(const std::string& target, Response*)> decorate;
};

// Runs until SIGTERM/SIGINT. Returns a process exit code (0 after a clean stop).
int Serve(const ServerOptions& options, Handler handler);

}  // namespace koers::http
