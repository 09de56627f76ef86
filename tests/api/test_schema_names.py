"""django-ninja names each schema in the OpenAPI document by its class name alone: two apps'
``SourceOut`` became one component, and the navigator's answers no longer matched their
documented schema. Every schema class of every API module has a name of its own."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from pydantic import BaseModel

import beoncosup


def api_schemas() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for module_info in pkgutil.walk_packages(beoncosup.__path__, "beoncosup."):
        if ".tests" in module_info.name or not module_info.name.split(".")[-1].startswith("api"):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseModel)
                and value.__module__ == module.__name__
            ):
                names.setdefault(name, []).append(module.__name__)
    return names


def test_every_api_schema_has_its_own_name():
    shared = {name: modules for name, modules in api_schemas().items() if len(modules) > 1}

    assert shared == {}
    assert "EvidenceSourceOut" in api_schemas()  # the scan does find the schemas
