// A financing authorization as the store keeps it, and as the API shows it (docs/financing.md
// "Authorizations"). Money is kept in cents (std::int64_t) from the request to the wire; to_json
// and from_json (nlohmann's convention, found by argument-dependent lookup) are the stored form,
// view() the wire's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace payref::financing {

enum class AuthorizationStatus { opened, closed };
NLOHMANN_JSON_SERIALIZE_ENUM(AuthorizationStatus, {{AuthorizationStatus::opened, "opened"}, {AuthorizationStatus::closed, "closed"}})

// A release of part of what an authorization had left, or a return of part of a capture.
struct Release {
  std::string release_id;
  std::optional<std::string> reference;
  std::string date;
  std::int64_t amount = 0;
};
struct Return {
  std::string return_id;
  std::optional<std::string> reference;
  std::string date;
  std::int64_t amount = 0;
};

struct Capture {
  std::string capture_id;
  std::optional<std::string> reference;
  std::string date;
  std::int64_t at = 0;  // seconds since the epoch on the sandbox clock (the 100-day return window)
  std::int64_t amount = 0;
  std::int64_t remaining = 0;  // not yet returned
  std::vector<Return> returns;
};

struct Authorization {
  std::string authorization_id;
  std::string account_number;
  std::optional<std::string> reference;
  std::int64_t amount = 0;
  std::int64_t remaining = 0;  // neither captured nor released
  AuthorizationStatus status = AuthorizationStatus::opened;
  std::string transaction_type;  // "regular_purchase" or "promotional_purchase"
  bool auto_capture = false;
  std::string creation_date;
  std::int64_t created_at = 0;
  std::vector<Capture> captures;
  std::vector<Release> releases;
  // A promotional purchase's plan and term, and the quoted payment per term.
  std::optional<long long> plan_id, term;
  std::optional<std::int64_t> term_amount;

  bool promotional() const { return transaction_type == "promotional_purchase"; }
};

void to_json(nlohmann::json& j, const Release& r);
void from_json(const nlohmann::json& j, Release& r);
void to_json(nlohmann::json& j, const Return& r);
void from_json(const nlohmann::json& j, Return& r);
void to_json(nlohmann::json& j, const Capture& c);
void from_json(const nlohmann::json& j, Capture& c);
void to_json(nlohmann::json& j, const Authorization& a);
void from_json(const nlohmann::json& j, Authorization& a);

// The authorization as GET /authorization/{id} answers it.
nlohmann::json view(const Authorization& a);
// An optional reference as the wire writes it: the text, or null.
nlohmann::json reference_json(const std::optional<std::string>& reference);

}  // namespace payref::financing
