"""Invokes a Lambda handler the way the Python runtime does: imports "<module>.<function>" from the
package root, calls it with the event and a context of the documented shape, and writes {ok, result}
or {ok: false, error} (the invocation error) to a file.

usage: python3 driver.py <packageDir> <handler> <eventFile> <resultFile>
"""
import importlib
import json
import sys
import time

package_dir, handler_name, event_file, result_file = sys.argv[1:5]
sys.path.insert(0, package_dir)
module_name, function_name = handler_name.rsplit(".", 1)
handler = getattr(importlib.import_module(module_name.replace("/", ".")), function_name)
TIMEOUT_MS = 3000
start = int(time.time() * 1000)


class LambdaContext:
    function_name = "strato-test-fn"
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:strato-test-fn"
    memory_limit_in_mb = "128"
    aws_request_id = "c6af9ac6-7b61-11e6-9a41-93e812345678"
    log_group_name = "/aws/lambda/strato-test-fn"
    log_stream_name = "2026/11/27/[$LATEST]abcdef"

    def get_remaining_time_in_millis(self):
        return TIMEOUT_MS - (int(time.time() * 1000) - start)


with open(event_file, encoding="utf-8") as f:
    event = json.load(f)
try:
    outcome = {"ok": True, "result": handler(event, LambdaContext()), "start": start}
except Exception as err:  # the invocation error Lambda would report
    outcome = {"ok": False, "error": str(err), "start": start}
with open(result_file, "w", encoding="utf-8") as f:
    json.dump(outcome, f)
