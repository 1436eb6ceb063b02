// Reads fields of a JSON object into C++ values, collecting a Dutch problem
// for every wrong type, so that one answer can name them all. Absent fields
// leave the target as it is; null clears it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/status.hpp"

namespace koers {

// JSON null for an empty text or an absent value, as the API writes them.
inline nlohmann::json OrNull(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }
template <class T>
nlohmann::json OrNull(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

class JsonReader {
 public:
  // `prefix` is put before field names in problems ("team[0].").
  JsonReader(const nlohmann::json& body, std::vector<FieldProblem>* problems, std::string prefix = {})
      : body_(body), problems_(problems), prefix_(std::move(prefix)) {}

  void Str(const char* key, std::string* out);
  // A value from a fixed list or a date: null clears it, an empty text is
  // refused (it is not one of the values).
  void Code(const char* key, std::string* out);
  // A list: null is refused (the API writes an empty list as []).
  void StrList(const char* key, std::vector<std::string>* out);
  void Int(const char* key, std::optional<int>* out, long min, long max);
  void Num(const char* key, std::optional<double>* out);
  void Bool(const char* key, bool* out);
  // The field's value, or nullptr when absent; marks the key as known.
  const nlohmann::json* Find(const char* key);
  void Bad(const std::string& key, std::string message);
  // Reports every key of the object not read and not in `ignored`.
  void RejectUnknown(const std::set<std::string>& ignored = {});

  static bool ReadStrings(const nlohmann::json& v, std::vector<std::string>* out);

 private:
  const nlohmann::json& body_;
  std::vector<FieldProblem>* problems_;
  std::string prefix_;
  std::set<std::string> seen_;
};

}  // namespace koers
