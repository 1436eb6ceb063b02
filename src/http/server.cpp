// The only translation unit that includes Boost.Beast (it is slow to
// compile; keep it that way).
#include "http/server.hpp"

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/http/span_body.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "core/log.hpp"

namespace koers::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct ServerState {
  const ServerOptions& options;
  Handler handler;
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};
};

std::string ProblemBody(int status, const std::string& title, const std::string& detail) {
  nlohmann::json body = {{"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}};
  if (status == 400) body["invalidParams"] = {{{"name", "verzoek"}, {"reason", detail}}};
  return body.dump();

}

// Errors of Beast's HTTP parser: the client sent something that is not
// HTTP/1.1 (a bad Content-Length, a bad header line), as opposed to a
// connection that ended or timed out.
bool IsParseError(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_content_length).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message && ec != bhttp::error::need_more &&
         ec != bhttp::error::need_buffer;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, ServerState* state) : stream_(std::move(socket)), state_(state) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
  }

  void Start() {
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::ReadHeader, shared_from_this()));
  }

 private:
  void ReadHeader() {
    parser_.emplace();
    discard_.reset();
    target_.clear();
    parser_->header_limit(static_cast<std::uint32_t>(state_->options.header_limit));
    // The real limit depends on the path and is set once the header is in;
    // until then only the hard cap applies (Beast checks Content-Length
    // against the limit while it parses the header).
    parser_->body_limit(kMaxDrain);
    Expire();  // waiting on a kept-alive connection, and the header
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  // Each step on the wire (waiting for and reading a header, reading a body,
  // writing an answer or one chunk of it) gets the read timeout of its own;
  // the time spent handling a request counts for none of them.
  void Expire() { stream_.expires_after(std::chrono::seconds(state_->options.read_timeout_seconds)); }

  void OnHeader(beast::error_code ec, std::size_t) {
    if (ec == bhttp::error::body_limit)
      return WriteProblem(413, "Te groot", "De inhoud van het verzoek is groter dan is toegestaan.");
    if (ec == bhttp::error::header_limit)
      return WriteProblem(431, "Kopregels te groot", "De kopregels van het verzoek zijn te groot.");
    if (ec && IsParseError(ec))
      return WriteProblem(400, "Ongeldig verzoek", "De kopregels van het verzoek kloppen niet (" + ec.message() + ").");
    if (ec) return Fail(ec);
    Expire();  // the body gets its own time, not what the wait left over
    auto& req = parser_->get();
    target_ = std::string(req.target());
    size_t limit = state_->options.body_limit;
    if (state_->options.body_limit_for) limit = state_->options.body_limit_for(target_.substr(0, target_.find('?')));
    parser_->body_limit(limit);
    // A declared body over the limit is read and thrown away before we answer
    // 413: clients that are still sending do not cope with an early answer.
    bool expect_continue = bhttp::token_list{req[bhttp::field::expect]}.exists("100-continue");
    if (parser_->content_length() && *parser_->content_length() > limit) {
      // A client that waits for "100 Continue" gets the refusal instead.
      if (expect_continue || *parser_->content_length() > kMaxDrain)
        return WriteProblem(413, "Te groot", "De inhoud van het verzoek is groter dan is toegestaan.");
      discard_.emplace(std::move(*parser_));
      discard_->body_limit(kMaxDrain);
      drain_.resize(64 * 1024);
      return DiscardBody();
    }
    if (expect_continue) {
      auto cont = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, req.version());
      bhttp::async_write(stream_, *cont, [self = shared_from_this(), cont](beast::error_code ec, std::size_t) {
        if (ec) return self->Fail(ec);
        self->ReadBody();
      });
      return;
    }
    ReadBody();
  }

  void DiscardBody() {
    discard_->get().body().data = drain_.data();
    discard_->get().body().size = drain_.size();
    bhttp::async_read_some(stream_, buffer_, *discard_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec == bhttp::error::need_buffer) ec = {};
      if (ec) return self->Fail(ec);
      if (!self->discard_->is_done()) return self->DiscardBody();
      self->WriteProblem(413, "Te groot", "De inhoud van het verzoek is groter dan is toegestaan.");
    });
  }

  void ReadBody() {
    bhttp::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, std::size_t) {
    if (ec == bhttp::error::body_limit) {
      return WriteProblem(413, "Te groot", "De inhoud van het verzoek is groter dan is toegestaan.");
    }
    if (ec == bhttp::error::header_limit) {
      return WriteProblem(431, "Kopregels te groot", "De kopregels van het verzoek zijn te groot.");
    }
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == net::error::operation_aborted ||
        ec == net::error::connection_reset)
      return Close();
    if (ec) return WriteProblem(400, "Ongeldig verzoek", "Het HTTP-verzoek kon niet worden gelezen.");

    auto& breq = parser_->get();
    Request req;
    req.method = std::string(breq.method_string());
    req.target = std::string(breq.target());
    req.path_ok = ParseTarget(req.target, &req.path, &req.query);
    for (const auto& field : breq) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    req.body = std::move(breq.body());
    req.remote_address = remote_;
    keep_alive_ = breq.keep_alive();
    version_ = breq.version();
    bool head = breq.method() == bhttp::verb::head;

    Response res;
    state_->in_flight++;
    // Handling is not a read: a slow answer must not close the connection.
    stream_.expires_never();
    try {
      res = state_->handler(req);
    } catch (const std::exception& e) {
      log::Error("verwerking_mislukt", {{"fout", e.what()}, {"pad", req.path}});
      res = Response{500, "application/problem+json", {},
                     ProblemBody(500, "Interne fout", "Er ging iets mis bij het verwerken van het verzoek.")};
      if (state_->options.decorate) state_->options.decorate(req.target, &res);
    }
    state_->in_flight--;
    Write(std::move(res), head);
  }

  void WriteProblem(int status, const std::string& title, const std::string& detail) {
    keep_alive_ = false;
    linger_ = !discard_ || !discard_->is_done();
    Response res{status, "application/problem+json", {}, ProblemBody(status, title, detail)};
    if (state_->options.decorate) state_->options.decorate(target_, &res);
    Write(std::move(res), false);
  }

  void Write(Response res, bool head) {
    if (res.stream && !head) return WriteStream(std::move(res));
    // The body is sent from a span: either the response's own string, moved
    // here, or a string shared with a cache, kept alive until written.
    struct Owned {
      bhttp::response<bhttp::span_body<const char>> message;
      std::string body;
      std::shared_ptr<const std::string> shared;
    };
    auto out = std::make_shared<Owned>();
    out->body = std::move(res.body);
    out->shared = std::move(res.shared_body);
    const std::string& body = out->shared ? *out->shared : out->body;
    auto& m = out->message;
    m.version(version_ ? version_ : 11);
    m.result(static_cast<unsigned>(res.status));
    m.set(bhttp::field::content_type, res.content_type);
    for (auto& [k, v] : res.headers) m.insert(k, v);  // insert: Set-Cookie may come twice
    if (!head) m.body() = boost::beast::span<const char>(body.data(), body.size());
    bool keep = keep_alive_ && !state_->stopping;
    m.keep_alive(keep);
    m.content_length(body.size());
    Expire();
    bhttp::async_write(stream_, m, [self = shared_from_this(), out, keep](beast::error_code ec, std::size_t) {
      if (ec) return self->Fail(ec);
      if (self->linger_) return self->LingeringClose();
      if (!keep) return self->Close();
      self->ReadHeader();
    });
  }

  // A body made while it is sent: the header, then one chunk per call of
  // the producer. A failed write (the client went away) drops the producer.
  void WriteStream(Response res) {
    struct Streamed {
      bhttp::response<bhttp::buffer_body> message;
      std::optional<bhttp::response_serializer<bhttp::buffer_body>> serializer;
      std::function<bool(std::string*, bool*)> next;
      std::string chunk;
      bool done = false;
      size_t sent = 0;
    };
    auto out = std::make_shared<Streamed>();
    out->next = std::move(res.stream);
    auto& m = out->message;
    m.version(version_ ? version_ : 11);
    m.result(static_cast<unsigned>(res.status));
    m.set(bhttp::field::content_type, res.content_type);
    for (auto& [k, v] : res.headers) m.set(k, v);
    m.keep_alive(keep_alive_ && !state_->stopping);
    m.chunked(true);
    m.body().data = nullptr;
    m.body().more = true;
    out->serializer.emplace(m);
    state_->in_flight++;
    Expire();
    bhttp::async_write_header(stream_, *out->serializer, [self = shared_from_this(), out](beast::error_code ec, std::size_t) {
      if (ec) return self->EndStream(out->next, ec, 0);
      self->NextChunk(std::move(out));
    });
  }

  template <class Streamed>
  void NextChunk(std::shared_ptr<Streamed> out) {
    out->chunk.clear();
    bool ok = true;
    // Pieces of about 64 KiB: few system calls, little memory.
    while (ok && !out->done && out->chunk.size() < 64 * 1024) {
      try {
        ok = out->next(&out->chunk, &out->done);
      } catch (const std::exception& e) {
        log::Error("verwerking_mislukt", {{"fout", e.what()}, {"pad", target_}});
        ok = false;
      }
    }
    if (!ok) return EndStream(out->next, net::error::operation_aborted, out->sent);
    auto& body = out->message.body();
    body.data = out->chunk.empty() ? nullptr : out->chunk.data();
    body.size = out->chunk.size();
    body.more = !out->done;
    Expire();  // per chunk: a long download that keeps moving is not cut off
    bhttp::async_write(stream_, *out->serializer, [self = shared_from_this(), out](beast::error_code ec, std::size_t) {
      if (ec == bhttp::error::need_buffer) ec = {};
      if (ec) return self->EndStream(out->next, ec, out->sent);
      out->sent += out->chunk.size();
      if (!out->done) return self->NextChunk(out);
      // The last chunk may have carried data: write the terminating chunk.
      if (!out->serializer->is_done()) {
        out->message.body().data = nullptr;
        out->message.body().size = 0;
        out->message.body().more = false;
        return bhttp::async_write(self->stream_, *out->serializer, [self, out](beast::error_code ec2, std::size_t) {
          self->FinishStream(out->next, ec2, out->message.keep_alive(), out->sent);
        });
      }
      self->FinishStream(out->next, {}, out->message.keep_alive(), out->sent);
    });
  }

  // A streamed answer that ended early: the client went away or the
  // producer failed. Dropping the producer stops its work.
  void EndStream(std::function<bool(std::string*, bool*)>& next, beast::error_code ec, size_t sent) {
    next = nullptr;  // releases what the producer holds
    state_->in_flight--;
    log::Info("antwoord_afgebroken", {{"pad", target_}, {"verstuurd", sent},
                                      {"reden", ec == net::error::operation_aborted ? "verwerking" : ec.message()}});
    beast::error_code ignored;
    stream_.socket().close(ignored);
  }

  void FinishStream(std::function<bool(std::string*, bool*)>& next, beast::error_code ec, bool keep, size_t sent) {
    if (ec) return EndStream(next, ec, sent);

    next = nullptr;
    state_->in_flight--;
    if (!keep) return Close();
    ReadHeader();
  }

  // After refusing a request whose body we did not read, stop sending and
  // read what the client still sends (for a while), so that the kernel does
  // not reset the connection before the client has read our answer.
  void LingeringClose() {
    Close();
    stream_.expires_after(std::chrono::seconds(2));
    drain_.resize(64 * 1024);
    DrainSome();
  }

  void DrainSome() {
    stream_.async_read_some(net::buffer(drain_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > kMaxDrain) {
        beast::error_code ignored;
        self->stream_.socket().close(ignored);
        return;
      }
      self->DrainSome();
    });
  }

  void Fail(beast::error_code ec) {
    if (ec != bhttp::error::end_of_stream && ec != beast::error::timeout && ec != net::error::operation_aborted &&
        ec != net::error::connection_reset && ec != net::error::eof)
      log::Write(log::Level::kDebug, "verbinding_fout", {{"fout", ec.message()}});
    Close();
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  ServerState* state_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::request_parser<bhttp::buffer_body>> discard_;
  std::string remote_;
  std::string target_;
  bool keep_alive_ = false;
  bool linger_ = false;
  unsigned version_ = 11;
  std::vector<char> drain_;
  size_t drained_ = 0;
  static constexpr size_t kMaxDrain = 16u << 20;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, tcp::acceptor&& acceptor, ServerState* state)
      : ioc_(ioc), acceptor_(std::move(acceptor)), state_(state) {}

  void Accept() {
    acceptor_.async_accept(net::make_strand(ioc_), beast::bind_front_handler(&Listener::OnAccept, shared_from_this()));
  }

  void Stop() {
    beast::error_code ec;
    acceptor_.close(ec);
  }

 private:
  void OnAccept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
    if (!ec) {
      socket.set_option(tcp::no_delay(true), ec);
      std::make_shared<Session>(std::move(socket), state_)->Start();
    }
    Accept();
  }

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  ServerState* state_;
};

}  // namespace

int Serve(const ServerOptions& options, Handler handler) {
  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  if (threads < 1) threads = 1;
  net::io_context ioc(threads);
  ServerState state{options, std::move(handler)};

  beast::error_code ec;
  auto address = net::ip::make_address(options.host, ec);
  if (ec) {
    log::Error("ongeldig_adres", {{"host", options.host}});
    return 2;
  }
  tcp::acceptor acceptor(ioc);
  tcp::endpoint endpoint(address, static_cast<unsigned short>(options.port));
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    log::Error("luisteren_mislukt", {{"host", options.host}, {"poort", options.port}, {"fout", ec.message()}});
    return 2;
  }
  // Signals are caught before anyone can learn that we listen, on a thread
  // of their own: a stop must work even while every server thread is busy.
  net::io_context signal_ioc(1);
  net::signal_set signals(signal_ioc, SIGINT, SIGTERM);
  int port = acceptor.local_endpoint().port();
  auto listener = std::make_shared<Listener>(ioc, std::move(acceptor), &state);
  listener->Accept();
  log::Info("server_gestart", {{"host", options.host}, {"poort", port}, {"threads", threads}});
  if (options.on_listening) options.on_listening(port);

  signals.async_wait([&](beast::error_code, int signo) {
    log::Info("server_stopt", {{"signaal", signo}});
    state.stopping = true;
    net::post(ioc, [listener] { listener->Stop(); });
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.drain_seconds);
    while (state.in_flight > 0 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (state.in_flight > 0) {
      // Work still in flight is cancelled by ending the process: every
      // change is one transaction, so what did not commit is rolled back,
      // and the search index catches up from the feed at the next start.
      log::Warn("server_gestopt_met_lopend_werk", {{"lopend", state.in_flight.load()}});
      std::fflush(nullptr);
      std::_Exit(0);
    }
    log::Info("server_gestopt", {{"lopend", 0}});
    ioc.stop();
  });
  std::thread signal_thread([&signal_ioc] { signal_ioc.run(); });

  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : pool) t.join();
  signal_thread.join();
  return 0;
}

}  // namespace koers::http
