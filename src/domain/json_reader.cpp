#include "domain/json_reader.hpp"

#include <cmath>

namespace koers {

using nlohmann::json;

const json* JsonReader::Find(const char* key) {
  seen_.insert(key);
  if (!body_.is_object()) return nullptr;
  auto it = body_.find(key);
  return it == body_.end() ? nullptr : &*it;
}

void JsonReader::Bad(const std::string& key, std::string message) {
  problems_->push_back({prefix_ + key, std::move(message)});
}

void JsonReader::Str(const char* key, std::string* out) {
  const json* v = Find(key);
  if (!v) return;
  if (v->is_null()) {
    out->clear();
  } else if (v->is_string()) {
    *out = v->get<std::string>();
  } else {
    Bad(key, "moet tekst zijn");
  }
}

void JsonReader::Code(const char* key, std::string* out) {
  const json* v = Find(key);
  if (v && v->is_string() && v->get_ref<const std::string&>().empty()) {
    Bad(key, "mag niet leeg zijn: laat het veld weg of geef null");
    return;
  }
  Str(key, out);
}

void JsonReader::StrList(const char* key, std::vector<std::string>* out) {
  const json* v = Find(key);
  if (!v) return;
  if (!ReadStrings(*v, out)) Bad(key, v->is_null() ? "moet een lijst zijn; geef [] voor geen" : "moet een lijst met teksten zijn");
}

void JsonReader::Int(const char* key, std::optional<int>* out, long min, long max) {
  const json* v = Find(key);
  if (!v) return;
  if (v->is_null()) {
    out->reset();
  } else if (v->is_number_integer() && v->get<long long>() >= min && v->get<long long>() <= max) {
    *out = static_cast<int>(v->get<long long>());
  } else {
    Bad(key, "moet een geheel getal van " + std::to_string(min) + " tot en met " + std::to_string(max) + " zijn");
  }
}

void JsonReader::Num(const char* key, std::optional<double>* out) {
  const json* v = Find(key);
  if (!v) return;
  if (v->is_null()) {
    out->reset();
  } else if (v->is_number() && std::isfinite(v->get<double>())) {
    *out = v->get<double>();
  } else {
    Bad(key, "moet een getal zijn");
  }
}

void JsonReader::Bool(const char* key, bool* out) {
  const json* v = Find(key);
  if (!v || v->is_null()) return;
  if (v->is_boolean()) {
    *out = v->get<bool>();
  } else {
    Bad(key, "moet true of false zijn");
  }
}

void JsonReader::RejectUnknown(const std::set<std::string>& ignored) {
  if (!body_.is_object()) return;
  for (const auto& [k, v] : body_.items())
    if (!seen_.count(k) && !ignored.count(k)) Bad(k, "is geen bekend veld");
}

bool JsonReader::ReadStrings(const json& v, std::vector<std::string>* out) {
  if (!v.is_array()) return false;
  std::vector<std::string> items;
  for (const auto& item : v) {
    if (!item.is_string()) return false;
    items.push_back(item.get<std::string>());
  }
  *out = std::move(items);
  return true;
}

}  // namespace koers
