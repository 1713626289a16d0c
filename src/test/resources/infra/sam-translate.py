"""Translates template.yaml with the SAM translator, as `sam deploy` has CloudFormation do.

Usage: sam-translate.py TEMPLATE [Name=Value ...]. Prints the CloudFormation template as JSON.
CodeUri becomes the S3 URI `sam package` would write; managed policies are not looked up (the
template uses none). Needs a region: AWS_DEFAULT_REGION is set to us-east-1 if none is given.
"""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    def load(self):
        return {}


os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
with open(sys.argv[1], encoding="utf-8") as source:
    template = yaml_parse(source.read())
template.setdefault("Globals", {}).setdefault("Function", {})["CodeUri"] = "s3://bucket/code.zip"
parameters = dict(pair.split("=", 1) for pair in sys.argv[2:])
print(json.dumps(transform(template, parameters, NoManagedPolicies()), indent=1, default=str))
