-- POST /items with a body that breaks all three constraints of NewItem.
wrk.method = "POST"
wrk.body = '{"name":"","priceCents":-5,"currency":"euro"}'
wrk.headers["Content-Type"] = "application/json"
