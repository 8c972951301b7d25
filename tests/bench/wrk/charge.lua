-- A persisted card charge per request; every request carries a fresh TransactionReference
-- (thread id + counter), so none is refused as a duplicate. Credentials come from the environment.
local id, key = os.getenv("PAYREF_ID"), os.getenv("PAYREF_KEY")
local counter, thread_tag = 0, 0
local threads_seen = 0

function setup(thread)
  threads_seen = threads_seen + 1
  thread:set("thread_tag", threads_seen)
end

function request()
  counter = counter + 1
  local body = string.format('{"Authentication":{"Id":"%s","Key":"%s"},"Request":{"Email":"bench@example.com",' ..
    '"Card":{"CardNumber":"4111111111111111","ExpiryDate":"12/35","CVV":"123"},"Amount":"20.50",' ..
    '"CurrencyCode":"USD","TransactionReference":"bench-%d-%d-%d"}}', id, key, os.time(), thread_tag, counter)
  return wrk.format("POST", "/api/v1/payments/creditcard/charge", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"Code":"00"', 1, true) then
    errors = (errors or 0) + 1
  end
end
