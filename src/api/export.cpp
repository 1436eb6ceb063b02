#include "api/export.hpp"

#include "api/api.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "core/log.hpp"

namespace koers::api {

http::Response StreamedTable(std::unique_ptr<TableWriter> writer, Rows first, std::function<Result<Rows>()> next) {
  http::Response res{200, writer->content_type(), {}, {}};
  res.SetHeader("Content-Disposition", "attachment; filename=\"" + writer->bestandsnaam() + "\"");
  struct State {
    std::unique_ptr<TableWriter> writer;
    Rows pending;
    std::function<Result<Rows>()> next;
    bool rows_done = false;
  };
  auto state = std::make_shared<State>(State{std::move(writer), std::move(first), std::move(next)});
  res.stream = [state](std::string* out, bool* done) {
    if (!state->rows_done) {
      for (const auto& row : state->pending)
        if (!state->writer->Add(row, out).ok()) return false;
      state->pending.clear();
      if (!state->next) {
        state->rows_done = true;
        return true;
      }
      auto more = state->next();
      if (!more.ok()) {
        log::Error("export_afgebroken", {{"fout", more.error().detail}});
        return false;
      }
      state->rows_done = more.value().empty();
      state->pending = std::move(more).value();
      return true;
    }
    auto finished = state->writer->Finish(out);
    if (!finished.ok()) return false;
    *done = finished.value();
    return true;
  };
  return res;
}

http::Response StreamedRecords(const std::string& filename, Records first, std::function<Result<Records>()> next) {
  http::Response res{200, "application/json", {}, {}};
  res.SetHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  struct State {
    Records pending;
    std::function<Result<Records>()> next;
    bool opened = false;  // "[" written
    bool any = false;     // a record written
  };
  auto state = std::make_shared<State>(State{std::move(first), std::move(next)});
  res.stream = [state](std::string* out, bool* done) {
    if (!state->opened) *out += "[";
    state->opened = true;
    for (const auto& record : state->pending) {
      *out += state->any ? ",\n" : "\n";
      state->any = true;
      *out += record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    if (state->pending.empty()) {
      *out += state->any ? "\n]\n" : "]\n";
      *done = true;
      return true;
    }
    auto more = state->next();
    if (!more.ok()) {
      log::Error("export_afgebroken", {{"fout", more.error().detail}});
      return false;
    }
    state->pending = std::move(more).value();
    return true;
  };
  return res;
}

bool ExportFormat(Services& s, const Call& c, std::initializer_list<std::string_view> allowed, std::string* formaat,
                  http::Response* res) {
  QueryReader q(c.req, allowed);
  *formaat = q.OneOf("formaat", {"csv-nl", "csv", "xlsx", "json"});
  if (formaat->empty() && q.ok()) *formaat = "csv-nl";
  if (!q.ok()) {
    *res = Problem(q.error(), c.req.path);
    return false;
  }
  Error limited;
  if (!WithinLimit(s, "export:" + ClientKey(c), s.options.export_per_client, &limited)) {
    *res = Problem(limited, c.req.path);
    return false;
  }
  return true;
}

}  // namespace koers::api
