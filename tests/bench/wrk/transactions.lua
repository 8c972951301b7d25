-- The transactions list of one contact (first page of 20), through the POST twin.
local id, key = os.getenv("PAYREF_ID"), os.getenv("PAYREF_KEY")
wrk.method = "POST"
wrk.path = "/api/v1/transactions"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"Authentication":{"Id":"%s","Key":"%s"},"Request":{"Email":"bench@example.com","PageSize":"20"}}', id, key)
