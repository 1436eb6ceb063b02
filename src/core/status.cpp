#include "core/status.hpp"

namespace koers {

Error Invalid(std::string message, std::vector<FieldProblem> problems) {
  return Error{ErrorKind::kInvalid, std::move(message), std::move(problems)};
}
Error NotFound(std::string message) { return Error{ErrorKind::kNotFound, std::move(message), {}}; }
Error Conflict(std::string message) { return Error{ErrorKind::kConflict, std::move(message), {}}; }
Error Forbidden(std::string message) { return Error{ErrorKind::kForbidden, std::move(message), {}}; }
Error IoError(std::string message) { return Error{ErrorKind::kIo, std::move(message), {}}; }
Error Internal(std::string message) { return Error{ErrorKind::kInternal, std::move(message), {}}; }

}  // namespace koers
