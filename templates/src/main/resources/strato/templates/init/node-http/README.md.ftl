# ${service}

A strato service: one portable ${runtime} function, `hello`, behind `GET /hello`, for AWS, Azure and GCP.

- `strato.yml`: the service (functions, events, providers)
- `src/handler.js`: the handler, written against strato's portable contract
- `test/handler.test.js`: its tests

```sh
node --test                      # run the tests (no install needed)
strato validate -c strato.yml    # check strato.yml for every provider
strato invoke --local -f hello   # run the handler on this machine, as GET /hello would
```
