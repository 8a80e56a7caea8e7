#!/usr/bin/env python3
"""SAM mutants for the differential sweep (scripts/samDiffSweep.ts --mutate; a dev tool).

Reads SAM templates (argv[2:]) with cfn-lint's decoder and writes, into the folder argv[1], one JSON
template per applicable mutation, named <n>-<file stem>--<mutation>.json: each makes one change of the
kind the SAM translator checks (a route defined twice, an alias removed, a policy-template parameter
misspelt, ...). Whether the change breaks the template is for the translator to say, not this script:
the sweep runs both tools on every mutant and compares.
"""

import copy
import json
import os
import sys

from cfnlint.decode import decode

SAM_TRANSFORM = "AWS::Serverless-2016-10-31"


def resources(template, kind):
    for name, resource in (template.get("Resources") or {}).items():
        if isinstance(resource, dict) and resource.get("Type") == kind and isinstance(resource.get("Properties"), dict):
            yield name, resource["Properties"]


def api_events(template):
    for _, props in resources(template, "AWS::Serverless::Function"):
        events = props.get("Events")
        if not isinstance(events, dict):
            continue
        for event_name, event in events.items():
            if isinstance(event, dict) and event.get("Type") in ("Api", "HttpApi") and isinstance(event.get("Properties"), dict):
                yield events, event_name, event


def globals_function(template):
    value = (template.get("Globals") or {}).get("Function") if isinstance(template.get("Globals"), dict) else None
    return value if isinstance(value, dict) else {}


def dup_route(template):
    for events, name, event in api_events(template):
        path, method = event["Properties"].get("Path"), event["Properties"].get("Method")
        if isinstance(path, str) and isinstance(method, str):
            events[name + "Copy"] = copy.deepcopy(event)
            return True
    return False


def drop_alias(template):
    for _, props in resources(template, "AWS::Serverless::Function"):
        if "DeploymentPreference" in props or "ProvisionedConcurrencyConfig" in props:
            if "AutoPublishAlias" in props:
                del props["AutoPublishAlias"]
                return True
            if "AutoPublishAlias" in globals_function(template):
                del globals_function(template)["AutoPublishAlias"]
                return True
    return False


def add_deployment_preference(template):
    if "AutoPublishAlias" in globals_function(template):
        return False
    for _, props in resources(template, "AWS::Serverless::Function"):
        if "AutoPublishAlias" not in props:
            props["DeploymentPreference"] = {"Type": "AllAtOnce"}
            return True
    return False


def policy_entries(template):
    for kind in ("AWS::Serverless::Function", "AWS::Serverless::StateMachine"):
        for _, props in resources(template, kind):
            policies = props.get("Policies")
            if isinstance(policies, list):
                for index, entry in enumerate(policies):
                    if isinstance(entry, dict) and len(entry) == 1 and "Statement" not in entry and not next(iter(entry)).startswith(("Fn::", "Ref")):
                        yield policies, index, entry


def policy_parameter_typo(template):
    for _, _, entry in policy_entries(template):
        params = next(iter(entry.values()))
        if isinstance(params, dict) and params:
            key = next(iter(params))
            params[key + "s"] = params.pop(key)
            return True
    return False


def policy_name_typo(template):
    for policies, index, entry in policy_entries(template):
        name = next(iter(entry))
        policies[index] = {name + "s": entry[name]}
        return True
    return False


def authorizer_typo(template):
    for _, _, event in api_events(template):
        auth = event["Properties"].get("Auth")
        if isinstance(auth, dict) and isinstance(auth.get("Authorizer"), str) and auth["Authorizer"] not in ("AWS_IAM", "NONE"):
            auth["Authorizer"] += "X"
            return True
    return False


def default_authorizer_typo(template):
    for kind in ("AWS::Serverless::Api", "AWS::Serverless::HttpApi"):
        for _, props in resources(template, kind):
            auth = props.get("Auth")
            if isinstance(auth, dict) and isinstance(auth.get("DefaultAuthorizer"), str) and auth["DefaultAuthorizer"] != "AWS_IAM":
                auth["DefaultAuthorizer"] += "X"
                return True
    return False


def drop_runtime(template):
    for _, props in resources(template, "AWS::Serverless::Function"):
        if props.get("PackageType") != "Image" and "Runtime" in props and "Runtime" not in globals_function(template):
            del props["Runtime"]
            return True
    return False


def image_with_runtime(template):
    for _, props in resources(template, "AWS::Serverless::Function"):
        if props.get("PackageType") != "Image" and ("Runtime" in props or "Runtime" in globals_function(template)):
            props["PackageType"] = "Image"
            props["ImageUri"] = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
            props.pop("CodeUri", None)
            props.pop("InlineCode", None)
            return True
    return False


def dlq_type(template):
    for _, props in resources(template, "AWS::Serverless::Function"):
        props["DeadLetterQueue"] = {"Type": "Kinesis", "TargetArn": "arn:aws:kinesis:us-east-1:123456789012:stream/dlq"}
        return True
    return False


def drop_transform(template):
    transform = template.get("Transform")
    if transform == SAM_TRANSFORM:
        del template["Transform"]
        template.pop("Globals", None)
        return True
    return False


MUTATIONS = {
    "dup-route": dup_route,
    "drop-alias": drop_alias,
    "add-deployment-preference": add_deployment_preference,
    "policy-parameter-typo": policy_parameter_typo,
    "policy-name-typo": policy_name_typo,
    "authorizer-typo": authorizer_typo,
    "default-authorizer-typo": default_authorizer_typo,
    "drop-runtime": drop_runtime,
    "image-with-runtime": image_with_runtime,
    "dlq-type": dlq_type,
    "drop-transform": drop_transform,
}


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for number, path in enumerate(sys.argv[2:]):
        template, _ = decode(path)
        if not isinstance(template, dict):
            continue
        stem = os.path.splitext(os.path.basename(path))[0]
        for name, mutate in MUTATIONS.items():
            mutant = json.loads(json.dumps(template, default=str))
            if mutate(mutant):
                with open(os.path.join(out_dir, f"{number}-{stem}--{name}.json"), "w", encoding="utf-8") as handle:
                    json.dump(mutant, handle, indent=1)


if __name__ == "__main__":
    main()
