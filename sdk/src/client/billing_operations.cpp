// Every billing operation (seed 001, docs/billing.md "Reference"): the client's names and the
// wire's methods and paths.
#include "payref/client/billing.hpp"
#include "payref/client/operation_table.hpp"

namespace payref::client::billing {

namespace {

using enum HttpMethod;

constexpr Operation kOperations[] = {
    {"customers.create", put, "/api/v01/customers", Input::body},
    {"customers.find", get, "/api/v01/customers", Input::query},
    {"customers.load", get, "/api/v01/customers/{}", Input::none},
    {"customers.modify", post, "/api/v01/customers/{}", Input::body},
};

}  // namespace

std::span<const Operation> operations() { return kOperations; }

const Operation* find_operation(std::string_view name) { return find_by_name(operations(), name); }

}  // namespace payref::client::billing
