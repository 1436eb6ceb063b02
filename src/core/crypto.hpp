// Secrets: random tokens, their hashes for storage, password hashing.
// All backed by libsodium (sodium_init must have run: cli::Run does it).
#pragma once

#include <string>
#include <string_view>

namespace koers::crypto {

// `bytes` random bytes from the system's secure generator, base64url without padding.
std::string RandomToken(size_t bytes = 32);
// A hex BLAKE2b-256 digest; what the store keeps of session ids and API tokens.
std::string HashToken(std::string_view token);
// A hex keyed BLAKE2b-256 MAC of `message`; `key` must be 16 to 64 bytes.
std::string Mac(std::string_view key, std::string_view message);
// Compares in constant time.
bool Equal(std::string_view a, std::string_view b);

// argon2id with t = 2 and m = 19 MiB (OWASP's minimum), as a PHC string
// "$argon2id$v=19$m=19456,t=2,p=1$...". Empty on failure (out of memory).
std::string HashPassword(std::string_view password);
// True when `password` matches `hash`; false for empty or malformed hashes.
bool VerifyPassword(const std::string& hash, std::string_view password);

}  // namespace koers::crypto
