// The built web front end (web/dist), read into memory once at start and
// served with ETags. Paths of the app's pages get the HTML shell.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/status.hpp"
#include "http/message.hpp"

namespace koers::api {

class WebAssets {
 public:
  // Reads every file under `dir`. kNotFound when `dir` has no index.html.
  static Result<WebAssets> Load(const std::string& dir);
  // An empty set: every page answers that the front end is not built.
  WebAssets() = default;

  http::Response Serve(const http::Request& req) const;

 private:
  struct File {
    std::shared_ptr<const std::string> content;
    std::string type;
    std::string etag;
  };
  std::map<std::string, File> files_;
};

// True for the paths of the app's own pages ("/", "/innovaties/12", ...).
bool IsAppPage(const std::string& path);

}  // namespace koers::api
