-- POST /items with a body that meets every constraint of NewItem: the success path of the endpoint that validates.
wrk.method = "POST"
wrk.body = '{"name":"Espresso cup","priceCents":1250,"currency":"EUR"}'
wrk.headers["Content-Type"] = "application/json"
