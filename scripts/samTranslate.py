#!/usr/bin/env python3
"""The SAM translator as a differential oracle (used by scripts/samDiffSweep.ts; never at run time).

Reads template paths from argv, expands each with aws-sam-translator's `Translator` offline
(a fake managed-policy map from cfn-lint's data, local CodeUri/DefinitionUri/ContentUri turned
into fake S3 URIs the way `sam validate` and cfn-lint do, so only real template errors remain)
and prints one JSON line per file: {"file", "rejected", "errors": [messages]}.
Files without the SAM transform are reported as {"skipped": true}.
With --globals instead of files: prints what each Globals section accepts (Globals.supported_properties).
"""

import json
import logging
import os
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
logging.getLogger("samtranslator").setLevel(logging.CRITICAL)

import cfnlint.data.Serverless as serverless_data  # noqa: E402
from cfnlint.decode import decode  # noqa: E402
from samtranslator.parser import parser  # noqa: E402
from samtranslator.public.exceptions import InvalidDocumentException  # noqa: E402
from samtranslator.translator.translator import Translator  # noqa: E402

SAM_TRANSFORM = "AWS::Serverless-2016-10-31"
FAKE_S3 = "s3://bucket/value"


def managed_policies():
    with open(os.path.join(os.path.dirname(serverless_data.__file__), "ManagedPolicies.json"), encoding="utf-8") as handle:
        return json.load(handle)


def is_local(value):
    return not (isinstance(value, str) and value.startswith("s3://")) and not isinstance(value, dict)


def fake_local_uris(template):
    """Local paths are packaged by `sam build`; the translator wants S3 URIs, so give it one."""
    for resource in (template.get("Resources") or {}).values():
        if not isinstance(resource, dict):
            continue
        props = resource.get("Properties")
        kind = resource.get("Type")
        if not isinstance(props, dict):
            continue
        if kind == "AWS::Serverless::Function" and props.get("PackageType") != "Image":
            if "CodeUri" in props and is_local(props["CodeUri"]):
                props["CodeUri"] = FAKE_S3
        if kind == "AWS::Serverless::LayerVersion" and is_local(props.get("ContentUri")) and "ContentUri" in props:
            props["ContentUri"] = FAKE_S3
        if kind in ("AWS::Serverless::Api", "AWS::Serverless::HttpApi", "AWS::Serverless::StateMachine"):
            if "DefinitionUri" in props and is_local(props["DefinitionUri"]):
                props["DefinitionUri"] = FAKE_S3
        if kind == "AWS::Serverless::Application" and isinstance(props.get("Location"), str) and not props["Location"].startswith("s3://"):
            if not props["Location"].startswith("https://"):
                props["Location"] = FAKE_S3
    globals_function = ((template.get("Globals") or {}).get("Function") or {}) if isinstance(template.get("Globals"), dict) else {}
    if isinstance(globals_function, dict) and "CodeUri" in globals_function and is_local(globals_function["CodeUri"]):
        globals_function["CodeUri"] = FAKE_S3


def has_sam_transform(template):
    transform = template.get("Transform")
    return transform == SAM_TRANSFORM or (isinstance(transform, list) and SAM_TRANSFORM in transform)


def translate(path, policies):
    template, matches = decode(path)
    if template is None:
        return {"file": path, "rejected": False, "parse": [str(m.message) for m in matches][:3]}
    if not has_sam_transform(template):
        return {"file": path, "skipped": True}
    fake_local_uris(template)
    try:
        Translator(managed_policy_map=policies, sam_parser=parser.Parser()).translate(
            sam_template=template, parameter_values={}, passthrough_metadata=True
        )
        return {"file": path, "rejected": False, "errors": []}
    except InvalidDocumentException as error:
        return {"file": path, "rejected": True, "errors": [cause.message for cause in error.causes]}
    except Exception as error:  # noqa: BLE001 - the translator's own crashes count as rejections too
        return {"file": path, "rejected": True, "errors": [f"{type(error).__name__}: {error}"]}


def main():
    if sys.argv[1:2] == ["--globals"]:
        # What each Globals section accepts, for the sweep to compare with SAM_GLOBALS (src/engine/rules/samRules.ts).
        from samtranslator.plugins.globals.globals import Globals

        print(json.dumps({kind.replace("AWS::Serverless::", ""): props for kind, props in Globals.supported_properties.items()}))
        return
    policies = managed_policies()
    for path in sys.argv[1:]:
        print(json.dumps(translate(path, policies)), flush=True)


if __name__ == "__main__":
    main()
