#include "gateway/transactions.hpp"

#include "gateway/fields.hpp"
#include "gateway/payments.hpp"

namespace payref::gateway {

Reply list_transactions(Call& call) {
  const Fields request = request_fields(call.body);
  const std::string email = request.email("Email");
  const int page_size = request.integer("PageSize", 20, 1, 100);
  const int page_number = request.integer("PageNumber", 1, 1, 1000000);
  const std::string key = email_key(email);
  // One row more than the page tells whether another page follows. The rows are the stored list
  // views (payments.cpp keeps them), spliced in as they are: the hot read parses no document.
  auto rows = call.tx.find_summaries(kTransactions, call.client_id, store::Key::key1, key,
                                     static_cast<std::size_t>(page_size) + 1,
                                     static_cast<std::size_t>(page_size) * static_cast<std::size_t>(page_number - 1), true);
  const bool more = rows.size() > static_cast<std::size_t>(page_size);
  if (more) rows.pop_back();
  Reply reply = success("OK", {{"Email", email},
                               {"PageSize", page_size},
                               {"PageNumber", page_number},
                               {"TimeZone", request.optional_text("TimeZone", 64).value_or("UTC")},
                               {"MorePages", more},
                               {"Transactions", nlohmann::json::array()}});
  std::string text = reply.body.dump();
  const std::string empty_list = "\"Transactions\":[]";
  std::string list = "\"Transactions\":[";
  for (std::size_t i = 0; i < rows.size(); ++i) (list += i ? "," : "") += rows[i];
  list += "]";
  text.replace(text.rfind(empty_list), empty_list.size(), list);
  reply.raw = std::move(text);
  return reply;
}

}  // namespace payref::gateway
