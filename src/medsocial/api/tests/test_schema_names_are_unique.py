"""django-ninja names each OpenAPI component after its Schema class, so two apps with a schema of
the same name silently share one component, and one app's endpoint is documented with the other
app's fields. Every schema the API publishes must have a name of its own."""

import inspect
from collections import defaultdict

from ninja import Schema

from medsocial.api.main import api


def _schema_classes_by_name() -> dict[str, set[str]]:
    seen: dict[str, set[str]] = defaultdict(set)
    for _prefix, router in api._routers:
        for path_operation in router.path_operations.values():
            for operation in path_operation.operations:
                for model in (*_inputs(operation), *_outputs(operation)):
                    seen[model.__name__].add(f"{model.__module__}.{model.__qualname__}")
    return seen


def _inputs(operation):
    for field in operation.models:
        for annotation in field.model_fields.values():
            yield from _schemas_in(annotation.annotation)


def _outputs(operation):
    for model in operation.response_models.values():
        if model is not None:
            for annotation in model.model_fields.values():
                yield from _schemas_in(annotation.annotation)


def _schemas_in(annotation, depth=0):
    if depth > 6:
        return
    if inspect.isclass(annotation) and issubclass(annotation, Schema):
        yield annotation
        for field in annotation.model_fields.values():
            yield from _schemas_in(field.annotation, depth + 1)
    for argument in getattr(annotation, "__args__", ()) or ():
        yield from _schemas_in(argument, depth + 1)


def test_no_two_schemas_share_a_component_name():
    seen = _schema_classes_by_name()
    assert len(seen) > 20  # the walk found the API's schemas
    shared = {name: sorted(classes) for name, classes in seen.items() if len(classes) > 1}
    assert not shared, f"schemas sharing an OpenAPI component name: {shared}"
