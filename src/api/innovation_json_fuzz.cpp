// Fuzz target: an API request body for an innovation, through the same steps
// as POST /api/v1/innovaties up to the store (depth check, parse, field
// mapping, normalising, validation).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "api/problem.hpp"
#include "domain/innovation.hpp"
#include "domain/innovation_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  koers::http::Request req;
  req.method = "POST";
  req.headers.emplace_back("content-type", "application/json");
  req.body.assign(reinterpret_cast<const char*>(data), size);
  nlohmann::json body;
  koers::Error error;
  if (!koers::api::ParseJsonBody(req, &body, &error)) return 0;
  koers::Innovation in;
  (void)koers::FromJson(body, &in);
  koers::Normalise(&in);
  (void)koers::Validate(in);
  (void)koers::ToJson(in).dump();
  (void)koers::ToSummaryJson(in).dump();
  return 0;
}
