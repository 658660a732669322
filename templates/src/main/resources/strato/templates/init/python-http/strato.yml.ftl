# ${service}: created by `strato init`. Every key is documented in strato's docs/MODEL.md;
# `strato schema > strato.schema.json` gives your editor completion for this file.
service: ${service}
runtime: ${runtime}

providers:
  aws: { region: us-east-1 }
  azure: { location: westeurope }
  gcp: { project: ${service}-project, region: europe-west1 }

functions:
  hello:
    handler: src/handler.hello
    events:
      - http: GET /hello
    environment:
      STAGE: ${r"${stage}"}
