// Every financing operation (seed 003, docs/financing.md "Reference"): the client's names and the
// wire's methods and paths under /flexiti/pos-api/v2.5/client-id/{client_id}.
#include <algorithm>

#include "payref/client/financing.hpp"
#include "payref/client/operation_table.hpp"

namespace payref::client::financing {

namespace {

using enum HttpMethod;

constexpr Operation kOperations[] = {
    {"customers.lookup", get, "/customers/lookup", true},
    {"customers.search", get, "/customers/search", true},
    {"customers.decodeDriversLicense", post, "/customers/driverslicense", false},
    // The server answers GET ?amount= too; the client always sends the POST (a JSON body).
    {"accounts.calculateInterest", post, "/accounts/{}/calculate-interest", false},
    {"accounts.verify", post, "/account/{}/verify", false},
    {"authorizations.create", post, "/authorization", false},
    {"authorizations.capture", post, "/authorization/{}/capture", true},
    {"authorizations.release", post, "/authorization/{}/release", true},
    {"authorizations.return", post, "/authorization/{}/capture/{}/return", true},
    {"authorizations.list", get, "/authorizations", true},
    {"authorizations.get", get, "/authorization/{}", true},
    {"transactions.create", post, "/transactions", true},
};

}  // namespace

std::span<const Operation> operations() { return kOperations; }

const Operation* find_operation(std::string_view name) { return find_by_name(operations(), name); }

std::size_t path_parameter_count(const Operation& operation) {
  std::size_t n = 0;
  for (auto at = operation.path.find("{}"); at != std::string_view::npos; at = operation.path.find("{}", at + 2)) ++n;
  return n;
}

}  // namespace payref::client::financing
