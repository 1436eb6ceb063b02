#pragma once

#include <string_view>

namespace koers::api {

// The OpenAPI 3 document of /api/v1 (src/api/openapi.json, embedded at build time).
std::string_view OpenApiDocument();

}  // namespace koers::api
