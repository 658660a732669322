#!/usr/bin/env python3
"""Offline SAM -> plain CloudFormation, the oracle of the SAM format tests. No network, no credentials.

Provenance: adapted from the project's testbed script shared/tools/sam_translate.py (2026-11-22,
aws-sam-translator 1.110.0, cfn-lint 1.51.0); this copy translates several templates in one process
(about 1 s of start-up each saved) and is what the tests run, so a clone of the project alone suffices.

usage: sam_translate.py [--region us-east-1] [--param K=V ...] TEMPLATE...
For each TEMPLATE writes TEMPLATE.cfn.json (sorted keys) beside it, or TEMPLATE.error.txt with the
translator's causes; exits 1 when any template failed.
Local CodeUri/ContentUri paths become s3://local-artifacts/<path> (the translator accepts only S3 URIs).
Managed policy names (e.g. AWSLambdaBasicExecutionRole) resolve from cfn-lint's bundled map."""
import argparse, importlib.resources, json, os, sys
p = argparse.ArgumentParser(); p.add_argument("files", nargs="+"); p.add_argument("--region", default="us-east-1")
p.add_argument("--param", action="append", default=[], help="K=V template parameter value")
a = p.parse_args()
os.environ["AWS_DEFAULT_REGION"] = a.region  # the translator reads the region from a boto3 session
from samtranslator.yaml_helper import yaml_parse
from samtranslator.translator.transform import transform
from samtranslator.model.exceptions import InvalidDocumentException
class PolicyMap:  # stands in for ManagedPolicyLoader, which would call IAM ListPolicies
    def load(self): return json.loads((importlib.resources.files("cfnlint.data.Serverless") / "ManagedPolicies.json").read_text())
failed = False
for path in a.files:
    tpl = yaml_parse(open(path).read())
    props = [r.get("Properties") or {} for r in (tpl.get("Resources") or {}).values()] + [(tpl.get("Globals") or {}).get("Function") or {}]
    for pr in props:
        for key in ("CodeUri", "ContentUri"):
            v = pr.get(key)
            if isinstance(v, str) and not v.startswith("s3://"): pr[key] = "s3://local-artifacts/" + (v.strip("./") or "root")
    try:
        out = transform(tpl, dict(kv.split("=", 1) for kv in a.param), PolicyMap())
    except InvalidDocumentException as e:
        failed = True
        with open(path + ".error.txt", "w") as f: f.write("SAM translation failed: " + "; ".join(str(c) for c in e.causes) + "\n")
        continue
    with open(path + ".cfn.json", "w") as f: json.dump(out, f, indent=2, sort_keys=True); f.write("\n")
sys.exit(1 if failed else 0)
