// Every CMS subscriptions operation (seed 002, docs/cms.md "Reference"): the client's names, the
// seed's operation names, and the wire's methods and paths.
#include "payref/client/cms.hpp"
#include "payref/client/operation_table.hpp"

namespace payref::client::cms {

namespace {

using enum HttpMethod;

constexpr Operation kOperations[] = {
    {"subscriptions.create", "CreateSubscription", post, "/2.1.28/REST/DataServices/CMS.svc/Subscriptions/", Input::body, Answer::json},
    {"subscriptions.get", "GetSubscription", get, "/2.1.28/REST/DataServices/CMS.svc/Subscriptions/{}", Input::profile, Answer::json},
    {"subscriptions.query", "QuerySubscriptions", post, "/2.1.28/REST/DataServices/CMS.svc/Subscriptions/query", Input::body, Answer::json},
    {"subscriptions.update", "UpdateSubscription", put, "/2.1.28/REST/DataServices/CMS.svc/Subscriptions/{}", Input::body, Answer::empty},
    {"subscriptions.updateState", "UpdateSubscriptionState", put, "/2.1.28/REST/DataServices/CMS.svc/Subscriptions/{}/state", Input::body,
     Answer::empty},
    {"subscriptions.invoice", "InvoiceSubscription", post, "/2.1.28/REST/DataServices/CMS.svc/Subscriptions/{}/invoice", Input::profile,
     Answer::invoice},
    {"subscriptions.delete", "DeleteSubscription", del, "/2.1.28/REST/DataServices/CMS.svc/Subscriptions/{}", Input::profile, Answer::empty},
};

}  // namespace

std::span<const Operation> operations() { return kOperations; }

const Operation* find_operation(std::string_view name) { return find_by_name(operations(), name); }

}  // namespace payref::client::cms
