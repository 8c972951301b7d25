// The customers resource's four actions (seed 001: create, find; load and modify as in the
// UniPay docs), over one store transaction each. The route adapter (routes.cpp) authenticates,
// opens the transaction and renders; these functions check and store.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "billing/auth.hpp"
#include "app/services.hpp"

namespace payref::billing {

// PUT /customers: the stored customer (with id, code, createDate).
nlohmann::json create_customer(const app::Services& services, store::Transaction& tx, const ServiceUser& user,
                               const nlohmann::json& input);
// GET /customers: offset, limit, firstName, lastName, organizationName, accountId.
std::vector<nlohmann::json> find_customers(store::Transaction& tx, const ServiceUser& user,
                                           const std::map<std::string, std::string>& params);
// GET /customers/{id}: 404 unless the customer exists and belongs to the user's merchant.
nlohmann::json load_customer(store::Transaction& tx, const ServiceUser& user, const std::string& id);
// POST /customers/{id}: the changed fields; returns the updated customer.
nlohmann::json modify_customer(const app::Services& services, store::Transaction& tx, const ServiceUser& user,
                               const std::string& id, const nlohmann::json& input);

}  // namespace payref::billing
