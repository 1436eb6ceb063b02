// Tables sent as they are written (csv-nl, csv, xlsx, json), shared by the
// export handlers.
#pragma once

#include <functional>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "api/router.hpp"
#include "core/status.hpp"
#include "formats/table_export.hpp"

namespace koers::api {

using Rows = std::vector<std::vector<ExportCell>>;

// A table sent while it is written: `first` now, then what `next` gives
// until it gives no rows. The writer and `next` live as long as the answer
// is being sent; when the client goes away the server drops them, and the
// work stops.
http::Response StreamedTable(std::unique_ptr<TableWriter> writer, Rows first, std::function<Result<Rows>()> next);

using Records = std::vector<nlohmann::json>;

// A JSON array sent while it is written, one record per line: `first` now,
// then what `next` gives until it gives none. Like StreamedTable, for
// records whose shape a standard fixes.
http::Response StreamedRecords(const std::string& filename, Records first, std::function<Result<Records>()> next);

// Reads ?formaat= and checks the export limit; false with `res` set when refused.
bool ExportFormat(Services& s, const Call& c, std::initializer_list<std::string_view> allowed, std::string* formaat,
                  http::Response* res);

}  // namespace koers::api
