// Every gateway operation (seed 000): the client's names and the wire's methods and paths.
#include "payref/client/gateway.hpp"
#include "payref/client/operation_table.hpp"

namespace payref::client::gateway {

namespace {

using enum Method;

constexpr Operation kOperations[] = {
    {"clients.register", post, "/api/v1/client/register", false},
    {"clients.activate", post, "/api/v1/client/activation", false},
    {"clients.cancel", post, "/api/v1/client/cancellation", false},
    {"clients.update", post, "/api/v1/client/update", false},

    {"customers.register", post, "/api/v1/customer/register", false},
    {"customers.get", get, "/api/v1/customer", false},
    {"customers.profile", get, "/api/v1/customer/profile", false},
    {"customers.profiles", get_and_post, "/api/v1/customer/profiles", false},
    {"customers.profilesFull", get_and_post, "/api/v1/customer/profiles/full", false},
    {"customers.defaultProfile", get, "/api/v1/customer/profiles/default", false},
    {"paymentProfiles.register", post, "/api/v1/customer/payments/register", false},
    {"paymentProfiles.update", post, "/api/v1/customer/payments/update", false},
    {"paymentProfiles.remove", post, "/api/v1/customer/payments/remove", false},

    {"discountCodes.add", post, "/api/v1/discountcode/add", false},
    {"discountCodes.validate", post, "/api/v1/discountcode/validate", false},

    {"isv.pricing", get, "/api/v1/isvs/pricing", false},

    {"memberships.join", post, "/api/v1/memberships/join", true},
    {"memberships.cancel", post, "/api/v1/memberships/cancel", false},
    {"memberships.list", get_and_post, "/api/v1/memberships/{}", false},

    {"payments.authorize", post, "/api/v1/payments/creditcard/authorize", true},
    {"payments.charge", post, "/api/v1/payments/creditcard/charge", true},
    {"payments.refund", post, "/api/v1/payments/creditcard/refund", true},
    {"payments.settle", post, "/api/v1/payments/creditcard/transaction/settle", true},
    {"payments.void", post, "/api/v1/payments/creditcard/transaction/void", true},
    {"payments.bankDebit", post, "/api/v1/payments/b2b/transaction/debit", true},
    {"payments.bankCredit", post, "/api/v1/payments/b2b/transaction/credit", true},
    {"payments.thirdParty", post, "/api/v1/payments/thirdparty", true},

    {"packages.list", get_and_post, "/api/v1/packages", false},
    {"packages.purchased", get, "/api/v1/packages/purchased", false},
    {"packages.upgradeBundle", post, "/api/v1/packages/bundle/upgrade", true},
    {"packages.downgradeBundle", post, "/api/v1/packages/bundle/downgrade", false},
    {"packages.truingUp", get_and_post, "/api/v1/packages/truingup", false},
    {"packages.curatedCollection", get, "/api/v1/packages/curatedcollection/{}", false},
    {"packages.softwareBundle", get, "/api/v1/packages/softwarebundle/{}", false},
    {"packages.software", get, "/api/v1/packages/{}", false},
    {"packages.purchase", post, "/api/v1/purchase", true},

    {"profiles.authorize", post, "/api/v1/profiles/authorize", true},
    {"profiles.charge", post, "/api/v1/profiles/charge", true},
    {"profiles.refund", post, "/api/v1/profiles/refund", true},
    {"profiles.settle", post, "/api/v1/profiles/settle", true},
    {"profiles.void", post, "/api/v1/profiles/void", true},

    {"recurringPayments.register", post, "/api/v1/recurringpayments/register", false},
    {"recurringPayments.suspend", post, "/api/v1/recurringpayments/suspend", false},
    {"recurringPayments.resume", post, "/api/v1/recurringpayments/resume", false},
    {"recurringPayments.remove", post, "/api/v1/recurringpayments/remove", false},
    {"recurringPayments.list", get, "/api/v1/recurringpayments/list", false},

    {"transactions.list", get_and_post, "/api/v1/transactions", false},
};

}  // namespace

std::span<const Operation> operations() { return kOperations; }

const Operation* find_operation(std::string_view name) { return find_by_name(operations(), name); }

}  // namespace payref::client::gateway
